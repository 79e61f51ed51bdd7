package org.dudao.calendar.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.dudao.shared.Access;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * At start-up, stores the official schedules shipped with the app ({@code calendar/chinese-days.json}, MIT licence
 * beside it) for every year not stored yet; a year already stored (perhaps edited) is left alone. In every profile:
 * deadlines need the real calendar in production too.
 */
@Component
class BundledSchedules implements ApplicationRunner {

    static final String RESOURCE = "calendar/chinese-days.json";
    static final String SOURCE = "chinese-days 1.5.7 (State Council notices)";

    private static final Logger log = LoggerFactory.getLogger(BundledSchedules.class);

    private final WorkCalendars calendars;
    private final ObjectMapper json;

    BundledSchedules(WorkCalendars calendars, ObjectMapper json) {
        this.calendars = calendars;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<Integer, Map<LocalDate, String>> years = bundled();
        Access.runAsSystem(() -> years.forEach((year, days) -> {
            try {
                if (calendars.seed(year, days, SOURCE))
                    log.info("working-day calendar {} stored from {}", year, RESOURCE);
            } catch (DataIntegrityViolationException e) {
                // another node stored it at the same moment
            }
        }));
    }

    /** The shipped schedules by year: holidays and the 调休 working days. */
    Map<Integer, Map<LocalDate, String>> bundled() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            JsonNode root = json.readTree(in);
            Map<Integer, Map<LocalDate, String>> years = new TreeMap<>();
            for (String kind : new String[] {"holidays", "workdays"}) {
                root.get(kind).fieldNames().forEachRemaining(day -> {
                    LocalDate d = LocalDate.parse(day);
                    years.computeIfAbsent(d.getYear(), y -> new TreeMap<>())
                            .put(d, kind.equals("holidays") ? "HOLIDAY" : "WORKDAY");
                });
            }
            return years;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
