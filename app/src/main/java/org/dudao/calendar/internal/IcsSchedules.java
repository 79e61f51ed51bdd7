package org.dudao.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Map;
import java.util.TreeMap;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import org.dudao.shared.InvalidInputException;

/**
 * Reads holiday schedules from an iCalendar file (the State Council's schedule as published by {@code chinese-days},
 * Apple's and similar calendars): every all-day event covers its days from DTSTART up to DTEND (exclusive); an event
 * whose summary or description says 班 (补班, 上班) or that Apple marks ALTERNATE-WORKDAY is a make-up working day,
 * any other a holiday.
 */
final class IcsSchedules {

    /** At most this many events in one file (about twenty years of schedules). */
    static final int MAX_EVENTS = 2000;

    private IcsSchedules() {}

    /** Each day the file names, as HOLIDAY or WORKDAY, in date order; 400 naming {@code file} when unreadable. */
    static Map<LocalDate, String> read(InputStream in) {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(in);
        } catch (IOException | ParserException | RuntimeException e) {
            throw InvalidInputException.of("file", "calendar.error.ics");
        }
        var events = calendar.<VEvent>getComponents(Component.VEVENT);
        if (events.isEmpty() || events.size() > MAX_EVENTS) {
            throw InvalidInputException.of("file", "calendar.error.ics-empty", MAX_EVENTS);
        }
        Map<LocalDate, String> days = new TreeMap<>();
        for (VEvent event : events) {
            LocalDate start = date(event.<DtStart<Temporal>>getProperty(Property.DTSTART)
                    .map(DtStart::getDate)
                    .orElse(null));
            LocalDate end = date(event.<DtEnd<Temporal>>getProperty(Property.DTEND)
                    .map(DtEnd::getDate)
                    .orElse(null));
            if (start == null) throw InvalidInputException.of("file", "calendar.error.ics");
            if (end == null || !end.isAfter(start)) end = start.plusDays(1);
            if (end.isAfter(start.plusDays(31))) throw InvalidInputException.of("file", "calendar.error.ics");
            String kind = workday(event) ? "WORKDAY" : "HOLIDAY";
            for (LocalDate d = start; d.isBefore(end); d = d.plusDays(1)) {
                days.put(d, kind);
            }
        }
        return days;
    }

    private static boolean workday(VEvent event) {
        String text = text(event, Property.SUMMARY) + " " + text(event, Property.DESCRIPTION);
        return text.contains("班") || text(event, "X-APPLE-SPECIAL-DAY").contains("ALTERNATE-WORKDAY");
    }

    private static String text(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse("");
    }

    private static LocalDate date(Temporal t) {
        if (t == null) return null;
        if (t instanceof LocalDate d) return d;
        try {
            return LocalDate.from(t);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
