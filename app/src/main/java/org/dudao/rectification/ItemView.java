package org.dudao.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A rectification item as the API and screens show it; {@code overdue} = 逾期; {@code escalation} the highest level
 * of the escalation ladder it reached (null: none), {@code escalations} every level reached, mildest first;
 * {@code townshipCode} and {@code township} name the unit the item's unit sits under, {@code draftedAt} when the
 * item was drafted, {@code closedAt} when it was 已销号 (null while open).
 */
public record ItemView(
        Long id,
        String orgUnit,
        String unitName,
        String source,
        String sourceRef,
        String code,
        String problem,
        String requirement,
        Double pointsLost,
        String status,
        boolean overdue,
        LocalDate deadline,
        String plan,
        String progress,
        List<Long> evidence,
        String reviewNote,
        Long notice,
        long ageDays,
        String escalation,
        List<EscalationView> escalations,
        String townshipCode,
        String township,
        Instant draftedAt,
        Instant closedAt) {}
