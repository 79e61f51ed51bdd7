package org.dudao.inspection;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One summary duty of an inspector: the 一月一小结 ({@code kind} MONTH, {@code period} 2026-11) or 半年一总结 (HALF,
 * 2026-H1), due by {@code due}; {@code state} is OPEN (the period has not ended), DUE (ended, not yet submitted),
 * OVERDUE (past due, not submitted), ON_TIME or LATE (submitted, by or after the due day in China time).
 * {@code id}, {@code body}, {@code submittedAt} and {@code version} are null until submitted.
 */
public record SummaryView(
        Long id,
        Long inspector,
        String inspectorName,
        String kind,
        String period,
        LocalDate due,
        String state,
        boolean overdue,
        String body,
        Instant submittedAt,
        Integer version) {

    public boolean submitted() {
        return id != null;
    }
}
