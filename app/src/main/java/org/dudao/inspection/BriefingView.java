package org.dudao.inspection;

import java.time.Instant;
import java.time.LocalDate;

/** A 督导简报: DRAFT while edited, ISSUED with its number ({@code 2026年第1期}) and read-only. */
public record BriefingView(
        Long id,
        String office,
        String officeName,
        String title,
        LocalDate from,
        LocalDate until,
        String body,
        String distribution,
        String status,
        String number,
        String issuedBy,
        Instant issuedAt,
        int version) {

    /** The text's lines, for the screens and the PDF. */
    public java.util.List<String> lines() {
        return java.util.List.of(body.split("\\R"));
    }
}
