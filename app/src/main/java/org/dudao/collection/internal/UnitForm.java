package org.dudao.collection.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dudao.data.ValueType;

/**
 * One unit's form in a task: sections of fields prefilled from the stored values for the period, last period's
 * value beside each, the versions to send back, computed items read-only (their value or why 无法计算), workflow state, consistency mismatches and reminders.
 */
public record UnitForm(
        Long taskId,
        String taskName,
        String period,
        String previousPeriod,
        LocalDate deadline,
        boolean overdue,
        String orgUnit,
        String orgUnitName,
        AssignmentStatus status,
        String returnReason,
        String explanation,
        String submittedBy,
        Instant submittedAt,
        String reviewedBy,
        Instant reviewedAt,
        boolean editable,
        boolean canWrite,
        boolean canReview,
        boolean hasChildren,
        List<Section> sections,
        List<Warning> warnings,
        List<Mismatch> mismatches,
        List<ReminderView> reminders) {

    public record Section(String title, List<Field> fields) {}

    public record Field(
            String item,
            String name,
            String unit,
            ValueType type,
            boolean required,
            BigDecimal min,
            BigDecimal max,
            String value,
            int version,
            String previous,
            String updatedBy,
            Instant updatedAt,
            boolean computed,
            String reason) {}

    /** A cross-field rule currently violated (shown while drafting; blocks submission). */
    public record Warning(String item, String message) {}
}
