package org.dudao.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Working days on the official schedule (SPEC §8): Monday to Friday unless a public holiday, plus the 调休 make-up
 * weekend days. A year without a schedule counts weekends only, and every answer touching it says so
 * ({@link Deadline#calendarMissing()}), never silently. A year's schedule is read once a minute at most per node;
 * an edit on this node is seen at once.
 */
@Service
public class WorkingDays {

    /** How long a node keeps a year's schedule before reading it again (edits made on other nodes). */
    static final Duration KEEP = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<Integer, Year> years = new ConcurrentHashMap<>();

    WorkingDays(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A deadline: the day it falls on, and whether a year it spans has no schedule (weekends only). */
    public record Deadline(LocalDate due, boolean calendarMissing) {}

    public boolean isWorkingDay(LocalDate day) {
        Year year = year(day.getYear());
        if (year.holidays.contains(day)) return false;
        if (year.workdays.contains(day)) return true;
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The {@code n}-th working day after {@code from} (the day of intake does not count); {@code from} for 0. */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        if (n < 0) throw new IllegalArgumentException("n < 0");
        LocalDate day = from;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) counted++;
        }
        return day;
    }

    /** {@link #addWorkingDays} with whether it was counted on weekends only somewhere. */
    public Deadline deadline(LocalDate from, int n) {
        LocalDate due = addWorkingDays(from, n);
        boolean missing = false;
        for (int y = from.getYear(); y <= due.getYear(); y++) {
            missing |= !hasSchedule(y);
        }
        return new Deadline(due, missing);
    }

    /** Working days after {@code from} up to and including {@code to} (0 when {@code to} is not after it). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) count++;
        }
        return count;
    }

    /** Whether the official schedule of {@code year} is known. */
    public boolean hasSchedule(int year) {
        return year(year).scheduled;
    }

    /** Forgets what this node read, after an edit. */
    public void forget(int year) {
        years.remove(year);
    }

    private Year year(int year) {
        Instant now = Instant.now(clock);
        Year known = years.get(year);
        if (known != null && known.readAt.plus(KEEP).isAfter(now) && !known.readAt.isAfter(now)) {
            return known;
        }
        Year read = read(year, now);
        years.put(year, read);
        return read;
    }

    private Year read(int year, Instant now) {
        boolean scheduled =
                jdbc.queryForObject("select count(*) from work_calendar where cal_year = ?", Integer.class, year) > 0;
        Map<String, Set<LocalDate>> days = jdbc
                .query(
                        "select cal_day, kind from work_calendar_day where cal_year = ?",
                        (rs, i) -> Map.entry(rs.getString(2), rs.getObject(1, LocalDate.class)),
                        year)
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
        return new Year(scheduled, days.getOrDefault("HOLIDAY", Set.of()), days.getOrDefault("WORKDAY", Set.of()), now);
    }

    private record Year(boolean scheduled, Set<LocalDate> holidays, Set<LocalDate> workdays, Instant readAt) {}
}
