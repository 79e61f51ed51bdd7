package org.dudao.calendar;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The working-day calendar through its API: the shipped 2026 schedule with its holidays and 调休, deadlines across
 * them, a year without schedule (weekends only, flagged), edits by the root's administrator only, stale edits, and
 * an .ics import. Years 2095–2097 are this test's own.
 */
@DudaoTest
class CalendarApiTest {

    @Autowired
    MockMvc mvc;

    private String due(Api api, String from, int days) throws Exception {
        return com.jayway.jsonpath.JsonPath.read(
                api.get("school_clerk", "/api/calendar/deadline?from=" + from + "&days=" + days)
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.due");
    }

    @Test
    void theShipped2026ScheduleCountsHolidaysAndMakeUpDays() throws Exception {
        Api api = new Api(mvc);
        api.get("school_clerk", "/api/calendar/2026")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2026))
                .andExpect(jsonPath("$.calendarMissing").value(false))
                .andExpect(jsonPath("$.holidays", hasItems("2026-09-25", "2026-09-27", "2026-10-01", "2026-10-07")))
                .andExpect(jsonPath("$.holidays", not(hasItem("2026-10-08"))))
                .andExpect(jsonPath("$.workdays", hasItems("2026-10-10", "2026-09-20", "2026-02-14")));
        // 09-25…27 and 10-01…07 are holidays, Saturday 10-10 a working day
        org.assertj.core.api.Assertions.assertThat(due(api, "2026-09-24", 13)).isEqualTo("2026-10-20");
        org.assertj.core.api.Assertions.assertThat(due(api, "2026-09-24", 1)).isEqualTo("2026-09-28");
        org.assertj.core.api.Assertions.assertThat(due(api, "2026-09-30", 1)).isEqualTo("2026-10-08");
        org.assertj.core.api.Assertions.assertThat(due(api, "2026-10-09", 1)).isEqualTo("2026-10-10");
        org.assertj.core.api.Assertions.assertThat(due(api, "2026-09-30", 3)).isEqualTo("2026-10-10");
        // Spring Festival 02-15…23, Saturday 02-28 works
        org.assertj.core.api.Assertions.assertThat(due(api, "2026-02-13", 3)).isEqualTo("2026-02-25");
        org.assertj.core.api.Assertions.assertThat(due(api, "2026-02-27", 1)).isEqualTo("2026-02-28");
        api.get("school_clerk", "/api/calendar/deadline?from=2026-09-24&days=13")
                .andExpect(jsonPath("$.due").value("2026-10-20"))
                .andExpect(jsonPath("$.calendarMissing").value(false));
        // the shipped years
        api.get("school_clerk", "/api/calendar/2024")
                .andExpect(jsonPath("$.calendarMissing").value(false));
        api.get("school_clerk", "/api/calendar/2025")
                .andExpect(jsonPath("$.holidays", hasItem("2025-10-08")))
                .andExpect(jsonPath("$.workdays", hasItem("2025-10-11")));
    }

    @Test
    void aYearWithoutScheduleCountsWeekendsOnlyAndSaysSo() throws Exception {
        Api api = new Api(mvc);
        api.get("school_clerk", "/api/calendar/2097")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.calendarMissing").value(true))
                .andExpect(jsonPath("$.holidays").isEmpty());
        api.get("school_clerk", "/api/calendar/deadline?from=2097-12-30&days=3")
                .andExpect(jsonPath("$.due").value("2098-01-02"))
                .andExpect(jsonPath("$.calendarMissing").value(true));
        api.get("school_clerk", "/api/calendar/deadline?from=2026-09-24&days=-1")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("days"));
        api.get("school_clerk", "/api/calendar/deadline?from=24.9.2026&days=3")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void onlyTheRootsAdministratorEditsAYearAndAStaleEditIsRefused() throws Exception {
        Api api = new Api(mvc);
        String body = """
                {"holidays":["2096-05-01","2096-05-02","2096-05-03"],"workdays":["2096-04-28"],"version":%d}""";
        api.put("qs_admin", "/api/calendar/2096", body.formatted(0)).andExpect(status().isForbidden());
        api.put("city_director", "/api/calendar/2096", body.formatted(0)).andExpect(status().isForbidden());
        api.put("admin", "/api/calendar/2096", """
                        {"holidays":["2096-05-01"],"workdays":["2096-04-30"],"version":0}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("workdays"));
        api.put("admin", "/api/calendar/2096", """
                        {"holidays":["2096-05-01","2097-05-02"],"version":0}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("holidays"));
        int version = com.jayway.jsonpath.JsonPath.read(
                api.get("admin", "/api/calendar/2096").andReturn().getResponse().getContentAsString(), "$.version");
        api.put("admin", "/api/calendar/2096", body.formatted(version))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.calendarMissing").value(false))
                .andExpect(jsonPath("$.version").value(version + 1))
                .andExpect(jsonPath("$.workdays[0]").value("2096-04-28"));
        api.put("admin", "/api/calendar/2096", body.formatted(version)).andExpect(status().isConflict());
        // Friday 04-27: Saturday 04-28 works, 05-01…03 are off
        org.assertj.core.api.Assertions.assertThat(due(api, "2096-04-27", 2)).isEqualTo("2096-04-30");
        org.assertj.core.api.Assertions.assertThat(due(api, "2096-04-27", 3)).isEqualTo("2096-05-04");
    }

    @Test
    void anIcsFileReplacesTheYearsItHolds() throws Exception {
        Api api = new Api(mvc);
        String ics = String.join(
                "\r\n",
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//dudao//test//CN",
                "BEGIN:VEVENT",
                "UID:t-2095-1",
                "DTSTAMP:20260101T000000Z",
                "DTSTART;VALUE=DATE:20950307",
                "DTEND;VALUE=DATE:20950309",
                "SUMMARY:测试节(休)",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "UID:t-2095-2",
                "DTSTAMP:20260101T000000Z",
                "DTSTART;VALUE=DATE:20950305",
                "SUMMARY:测试节(班)",
                "END:VEVENT",
                "END:VCALENDAR",
                "");
        byte[] file = ics.getBytes(StandardCharsets.UTF_8);
        api.upload("qs_admin", "/api/calendar/import", "t.ics", file).andExpect(status().isForbidden());
        api.upload("admin", "/api/calendar/import", "bad.ics", "no".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        api.upload("admin", "/api/calendar/import", "t.ics", file)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].year").value(2095));
        api.get("school_clerk", "/api/calendar/2095")
                .andExpect(jsonPath("$.holidays", hasItems("2095-03-07", "2095-03-08")))
                .andExpect(jsonPath("$.holidays", not(hasItem("2095-03-09"))))
                .andExpect(jsonPath("$.workdays[0]").value("2095-03-05"));
        org.assertj.core.api.Assertions.assertThat(due(api, "2095-03-04", 2)).isEqualTo("2095-03-09");
    }
}
