package org.dudao.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.dudao.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The iCalendar reader on the real 2026 schedule as chinese-days publishes it. */
class IcsSchedulesTest {

    @Test
    void readsThe2026ScheduleAsPublished() throws Exception {
        Map<LocalDate, String> days;
        try (InputStream in = getClass().getResourceAsStream("/calendar/chinese-days-2026.ics")) {
            days = IcsSchedules.read(in);
        }
        assertThat(days.values().stream().filter("HOLIDAY"::equals).count()).isEqualTo(33);
        assertThat(days.entrySet().stream()
                        .filter(e -> e.getValue().equals("WORKDAY"))
                        .map(e -> e.getKey().toString()))
                .containsExactly("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
        assertThat(days)
                .containsEntry(LocalDate.of(2026, 9, 25), "HOLIDAY")
                .containsEntry(LocalDate.of(2026, 9, 27), "HOLIDAY")
                .containsEntry(LocalDate.of(2026, 10, 7), "HOLIDAY")
                .doesNotContainKey(LocalDate.of(2026, 10, 8))
                .doesNotContainKey(LocalDate.of(2026, 9, 28));
    }

    @Test
    void refusesWhatIsNoCalendar() {
        assertThatThrownBy(() ->
                        IcsSchedules.read(new ByteArrayInputStream("not a calendar".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InvalidInputException.class);
        String empty = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//CN\r\nEND:VCALENDAR\r\n";
        assertThatThrownBy(() -> IcsSchedules.read(new ByteArrayInputStream(empty.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InvalidInputException.class);
    }
}
