package org.dudao.calendar.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.dudao.calendar.WorkingDays;
import org.dudao.calendar.internal.WorkCalendars;
import org.dudao.calendar.internal.YearSchedule;
import org.dudao.shared.Access;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "工作日历 Working-day calendar")
class CalendarApi {

    /** At most this many working days in one deadline (about a year and a half). */
    static final int MAX_DAYS = 400;

    private final WorkCalendars calendars;
    private final WorkingDays workingDays;

    CalendarApi(WorkCalendars calendars, WorkingDays workingDays) {
        this.calendars = calendars;
        this.workingDays = workingDays;
    }

    @GetMapping("/api/calendar/{year}")
    @Operation(
            summary = "A year's holidays and 调休 working days; calendarMissing when the year has no schedule"
                    + " (deadlines in it count weekends only)")
    YearSchedule year(@PathVariable int year) {
        return calendars.year(year);
    }

    record YearRequest(List<String> holidays, List<String> workdays, Integer version) {}

    @PutMapping("/api/calendar/{year}")
    @Operation(summary = "Replace a year's schedule (administrators at the root); version as read, 0 for a new year")
    YearSchedule replace(@PathVariable int year, @RequestBody YearRequest request) {
        return calendars.replace(year, request.holidays(), request.workdays(), request.version());
    }

    @PostMapping(path = "/api/calendar/import", consumes = "multipart/form-data")
    @Operation(
            summary = "Import the years of an iCalendar (.ics) file (administrators at the root): all-day events"
                    + " are holidays, those saying 班 make-up working days; each year in the file is replaced")
    List<YearSchedule> importIcs(@RequestPart("file") MultipartFile file) throws IOException {
        if (file.isEmpty() || file.getSize() > 1_000_000) throw InvalidInputException.of("file", "calendar.error.ics");
        try (InputStream in = file.getInputStream()) {
            return calendars.importIcs(file.getOriginalFilename(), in);
        }
    }

    record DeadlineAnswer(LocalDate from, int days, LocalDate due, boolean calendarMissing) {}

    @GetMapping("/api/calendar/deadline")
    @Operation(summary = "The N-th working day after a day (the day of intake does not count)")
    DeadlineAnswer deadline(@RequestParam String from, @RequestParam int days) {
        Access.currentUser();
        Problems problems = new Problems();
        LocalDate start = null;
        try {
            start = LocalDate.parse(from.strip());
            if (problems.saneDate("from", start) && start.plusYears(2).isAfter(Problems.LATEST)) {
                problems.add("from", "error.date-range", Problems.EARLIEST, Problems.LATEST.minusYears(2));
            }
        } catch (DateTimeParseException e) {
            problems.add(
                    "from",
                    "calendar.error.date",
                    from.strip().substring(0, Math.min(20, from.strip().length())));
        }
        if (days < 0 || days > MAX_DAYS) problems.add("days", "error.range", 0, MAX_DAYS);
        problems.throwIfAny();
        WorkingDays.Deadline d = workingDays.deadline(start, days);
        return new DeadlineAnswer(start, days, d.due(), d.calendarMissing());
    }
}
