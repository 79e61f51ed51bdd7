package org.dudao.calendar.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dudao.audit.AuditLog;
import org.dudao.calendar.WorkingDays;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The calendar's use cases: read a year (every signed-in user: the whole tree shares it), replace a year and import
 * years from an iCalendar file (administrators at the root), each change audited.
 */
@Service
public class WorkCalendars {

    /** At most this many special days in one year. */
    static final int MAX_DAYS = 200;

    private final JdbcTemplate jdbc;
    private final WorkingDays workingDays;
    private final AuditLog audit;
    private final Clock clock;

    WorkCalendars(JdbcTemplate jdbc, WorkingDays workingDays, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.audit = audit;
        this.clock = clock;
    }

    /** The years with a schedule and this year and the next (scheduled or not), newest first. */
    @Transactional(readOnly = true)
    public List<YearSchedule> years() {
        Access.currentUser();
        TreeSet<Integer> years = new TreeSet<>(jdbc.queryForList("select cal_year from work_calendar", Integer.class));
        int now = LocalDate.now(clock).getYear();
        years.add(now);
        years.add(now + 1);
        return years.descendingSet().stream().map(this::read).toList();
    }

    @Transactional(readOnly = true)
    public YearSchedule year(int year) {
        Access.currentUser();
        Problems problems = new Problems();
        checkYear(problems, "year", year);
        problems.throwIfAny();
        return read(year);
    }

    /** Whether the current user may change the calendar (an administrator at the root). */
    public boolean canEdit() {
        return Access.holdsAtRoot(java.util.Set.of(Role.ADMIN));
    }

    /** Replaces a year's schedule; {@code version} is the one read (0 for a year without schedule), else 409. */
    @Transactional
    public YearSchedule replace(int year, List<String> holidays, List<String> workdays, Integer version) {
        requireEdit();
        Problems problems = new Problems();
        checkYear(problems, "year", year);
        Map<LocalDate, String> days = new TreeMap<>();
        parse(problems, "holidays", holidays, year, "HOLIDAY", days);
        parse(problems, "workdays", workdays, year, "WORKDAY", days);
        problems.throwIfAny();
        YearSchedule before = read(year);
        if ((version == null ? 0 : version) != before.version()) {
            throw new ConflictException("error.stale");
        }
        return store(year, days, "edited", before);
    }

    /** Imports every year an iCalendar file holds, replacing each (all or nothing); the years, as stored. */
    @Transactional
    public List<YearSchedule> importIcs(String fileName, InputStream in) {
        requireEdit();
        Map<LocalDate, String> all = IcsSchedules.read(in);
        Map<Integer, Map<LocalDate, String>> byYear = new TreeMap<>();
        all.forEach((d, k) ->
                byYear.computeIfAbsent(d.getYear(), y -> new TreeMap<>()).put(d, k));
        Problems problems = new Problems();
        byYear.forEach((year, days) -> {
            checkYear(problems, "file", year);
            check(problems, "file", days);
        });
        if (byYear.size() > 30) problems.add("file", "calendar.error.ics-empty", IcsSchedules.MAX_EVENTS);
        problems.throwIfAny();
        String source = "ics " + (fileName == null ? "" : fileName.strip());
        List<YearSchedule> stored = new ArrayList<>();
        byYear.forEach((year, days) ->
                stored.add(store(year, days, source.substring(0, Math.min(source.length(), 200)), read(year))));
        return stored;
    }

    /** Stores the bundled official schedule of a year nobody has stored yet (start-up, as the system). */
    @Transactional
    public boolean seed(int year, Map<LocalDate, String> days, String source) {
        if (jdbc.queryForObject("select count(*) from work_calendar where cal_year = ?", Integer.class, year) > 0) {
            return false;
        }
        store(year, days, source, read(year));
        return true;
    }

    private YearSchedule store(int year, Map<LocalDate, String> days, String source, YearSchedule before) {
        Instant now = Instant.now(clock);
        jdbc.update("delete from work_calendar_day where cal_year = ?", year);
        int updated = before.calendarMissing()
                ? jdbc.update(
                        "insert into work_calendar (cal_year, source, row_version, updated_by, updated_at)"
                                + " values (?, ?, 1, ?, ?)",
                        year,
                        source,
                        Access.currentUsername(),
                        now.atOffset(ZoneOffset.UTC))
                : jdbc.update(
                        "update work_calendar set source = ?, row_version = row_version + 1, updated_by = ?,"
                                + " updated_at = ? where cal_year = ? and row_version = ?",
                        source,
                        Access.currentUsername(),
                        now.atOffset(ZoneOffset.UTC),
                        year,
                        before.version());
        if (updated != 1) throw new ConflictException("error.stale");
        jdbc.batchUpdate(
                "insert into work_calendar_day (cal_day, cal_year, kind) values (?, ?, ?)",
                days.entrySet().stream()
                        .map(e -> new Object[] {e.getKey(), year, e.getValue()})
                        .toList());
        forgetAfterwards(year);
        YearSchedule after = read(year);
        if (before.calendarMissing()) {
            audit.created("WorkCalendar", year, String.valueOf(year), "/", summary(after));
        } else {
            audit.updated("WorkCalendar", year, String.valueOf(year), "/", summary(before), summary(after));
        }
        return after;
    }

    /** Every node's reader keeps a year a minute; this node forgets it once the change is committed or not. */
    private void forgetAfterwards(int year) {
        workingDays.forget(year);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    workingDays.forget(year);
                }
            });
        }
    }

    private static Map<String, Object> summary(YearSchedule y) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("holidays", y.holidays().stream().map(LocalDate::toString).toList());
        m.put("workdays", y.workdays().stream().map(LocalDate::toString).toList());
        m.put("source", y.source());
        return m;
    }

    private YearSchedule read(int year) {
        var head = jdbc.query(
                "select source, row_version, updated_by, updated_at from work_calendar where cal_year = ?",
                (rs, i) -> new Object[] {
                    rs.getString(1), rs.getInt(2), rs.getString(3), rs.getObject(4, java.time.OffsetDateTime.class)
                },
                year);
        List<LocalDate> holidays = new ArrayList<>();
        List<LocalDate> workdays = new ArrayList<>();
        jdbc.query(
                "select cal_day, kind from work_calendar_day where cal_year = ? order by cal_day",
                rs -> {
                    LocalDate d = rs.getObject(1, LocalDate.class);
                    ("HOLIDAY".equals(rs.getString(2)) ? holidays : workdays).add(d);
                },
                year);
        if (head.isEmpty()) {
            return new YearSchedule(year, List.of(), List.of(), true, null, 0, null, null);
        }
        Object[] h = head.get(0);
        return new YearSchedule(
                year,
                holidays,
                workdays,
                false,
                (String) h[0],
                (Integer) h[1],
                (String) h[2],
                ((java.time.OffsetDateTime) h[3]).toInstant());
    }

    private void requireEdit() {
        if (!canEdit()) throw new ForbiddenException("error.forbidden");
    }

    private static void checkYear(Problems problems, String field, int year) {
        if (year < Problems.EARLIEST.getYear() || year > Problems.LATEST.getYear()) {
            problems.add(field, "error.range", Problems.EARLIEST.getYear(), Problems.LATEST.getYear());
        }
    }

    private static void parse(
            Problems problems, String field, List<String> texts, int year, String kind, Map<LocalDate, String> days) {
        if (texts == null) return;
        if (texts.size() > MAX_DAYS) {
            problems.add(field, "error.range", 0, MAX_DAYS);
            return;
        }
        Map<LocalDate, String> mine = new TreeMap<>();
        for (String text : texts) {
            if (text == null || text.isBlank()) continue;
            LocalDate d;
            try {
                d = LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                problems.add(
                        field,
                        "calendar.error.date",
                        text.strip().substring(0, Math.min(20, text.strip().length())));
                return;
            }
            if (d.getYear() != year) {
                problems.add(field, "calendar.error.other-year", d, year);
                return;
            }
            if (days.containsKey(d)) {
                problems.add(field, "calendar.error.both", d);
                return;
            }
            mine.put(d, kind);
        }
        check(problems, field, mine);
        days.putAll(mine);
    }

    /** A make-up working day is a Saturday or Sunday (any other day works anyway). */
    private static void check(Problems problems, String field, Map<LocalDate, String> days) {
        if (days.size() > MAX_DAYS) {
            problems.add(field, "error.range", 0, MAX_DAYS);
            return;
        }
        days.forEach((d, kind) -> {
            if ("WORKDAY".equals(kind)
                    && d.getDayOfWeek() != DayOfWeek.SATURDAY
                    && d.getDayOfWeek() != DayOfWeek.SUNDAY
                    && problems.isEmpty()) {
                problems.add(field, "calendar.error.workday-weekday", d);
            }
        });
    }
}
