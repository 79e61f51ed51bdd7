package org.dudao.collection.internal;

import java.time.Instant;

/** One unit's row on a task's progress board. */
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
        boolean canReview) {}
