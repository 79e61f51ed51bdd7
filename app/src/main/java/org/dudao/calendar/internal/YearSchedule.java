package org.dudao.calendar.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A year's schedule as the API and the screens show it: its holidays and 调休 working days, whether it is known at
 * all ({@code calendarMissing} when not: weekends only), where it came from and its version for the next edit.
 */
public record YearSchedule(
        int year,
        List<LocalDate> holidays,
        List<LocalDate> workdays,
        boolean calendarMissing,
        String source,
        int version,
        String updatedBy,
        Instant updatedAt) {}
