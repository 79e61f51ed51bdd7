package org.dudao.cases.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A 专报 (hotspot report): the office, the period and the previous one of equal length, the threshold, the intro
 * (editable while a draft), the hotspots found, and once issued its 文号.
 */
public record HotspotView(
        Long id,
        String office,
        String officeName,
        LocalDate from,
        LocalDate to,
        LocalDate previousFrom,
        LocalDate previousTo,
        int threshold,
        String intro,
        List<Hotspot> hotspots,
        String status,
        String number,
        String issuer,
        String issuedBy,
        Instant issuedAt,
        int version) {

    public static final String DRAFT = "DRAFT";
    public static final String ISSUED = "ISSUED";

    /**
     * A category ({@code kind} CATEGORY, key its code) or subordinate unit (UNIT, key its code) with its cases in
     * the period and in the previous one; {@code aboveThreshold} / {@code rising} say why it is a hotspot.
     */
    public record Hotspot(
            String kind, String key, String name, long count, long previous, boolean aboveThreshold, boolean rising) {}
}
