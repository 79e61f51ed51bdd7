package org.dudao.collection.internal;

import java.time.LocalDate;
import java.util.List;

/** A form the current user fills in (a unit of theirs in a task), with the reminders sent about it. */
public record MyAssignment(
        Long taskId,
        String taskName,
        String period,
        LocalDate deadline,
        String orgUnit,
        String orgUnitName,
        AssignmentStatus status,
        boolean overdue,
        String returnReason,
        List<ReminderView> reminders) {}
