package org.dudao.collection.internal;

import java.time.Instant;

/** One unit's row on a task's progress board; {@code canRemind}: the caller may remind this unit. */
public record UnitProgress(
        String orgUnit,
        String name,
        String kind,
        AssignmentStatus status,
        boolean overdue,
        String submittedBy,
        Instant submittedAt,
        String returnReason,
        int reminders,
        Instant lastReminder,
        boolean canReview,
        boolean canRemind) {}
