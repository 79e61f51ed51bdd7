package org.dudao.report;

import static org.dudao.report.ReportFixtures.COUNTY;
import static org.dudao.report.ReportFixtures.DIRECTOR;
import static org.dudao.report.ReportFixtures.YEAR;
import static org.dudao.report.ReportFixtures.s;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dudao.data.DataValues;
import org.dudao.org.OrgUnits;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 通报批评 of cases cost points in the 目标考核 ({@code dudao.cases.criticism-points}, 0.5 by default): a known set
 * of escalations under the report fixture's 乙镇 — two in the year, one the year before, one of a merged case —
 * counts two, 1.00 off its score of 10. The cases are removed afterwards, as the other report tests read the table.
 */
@DudaoTest
class CriticismPointsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService users;

    Api api;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        new ReportFixtures(api, orgUnits, values, jdbc).build();
    }

    @Test
    void criticismsOfAUnitsCasesCostPointsInItsAssessment() throws Exception {
        Map<String, Object> school = jdbc.queryForMap("select id, path from org_unit where code = ?", s("B1"));
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        // 1 January 00:10 in China is still the old year in UTC: counted by the day in China
        OffsetDateTime newYear =
                LocalDate.of(YEAR, 1, 1).atTime(0, 10).atZone(zone).toOffsetDateTime();
        OffsetDateTime midYear =
                LocalDate.of(YEAR, 1, 1).plusDays(20).atTime(9, 0).atZone(zone).toOffsetDateTime();
        OffsetDateTime lastYear = newYear.minusMinutes(20);
        List<Long> ids = new ArrayList<>();
        try {
            ids.add(criticised(school, "CLOSED", newYear));
            ids.add(criticised(school, "ASSIGNED", midYear));
            ids.add(criticised(school, "ASSIGNED", lastYear));
            ids.add(criticised(school, "MERGED", midYear));
            // written here in SQL, as the escalation writes them: it also moves the cases clock the cache reads
            jdbc.update("update change_clock set version = version + 1 where topic = 'cases'");
            String url = "/api/reports/assessment?orgUnit=" + COUNTY + "&year=" + YEAR;
            api.get(DIRECTOR, url)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.pointsPerCriticism").value(0.5))
                    .andExpect(jsonPath("$.rows[1].orgUnit").value(s("B")))
                    .andExpect(jsonPath("$.rows[1].criticisms").value(2))
                    .andExpect(jsonPath("$.rows[1].deduction").value(1.0))
                    .andExpect(jsonPath("$.rows[1].score").value(9.0))
                    .andExpect(jsonPath("$.rows[0].criticisms").value(0));
            // the city sees them in the county's row
            api.get("city_director", "/api/reports/assessment?orgUnit=JB01&year=" + YEAR)
                    .andExpect(jsonPath("$.rows[?(@.orgUnit=='" + COUNTY + "')].criticisms")
                            .value(2));
            // on screen too
            String page = new String(
                    mvc.perform(get("/reports/assessment")
                                    .param("orgUnit", COUNTY)
                                    .param("year", String.valueOf(YEAR))
                                    .with(user(users.loadUserByUsername(DIRECTOR))))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8);
            org.assertj.core.api.Assertions.assertThat(page).contains("通报批评").contains("每次通报批评扣 0.5 分");

            // a criticised case merged into an earlier one no longer counts, on the next request
            api.post(
                            DIRECTOR,
                            "/api/cases/" + ids.get(1) + "/transitions",
                            "{\"action\":\"merge\",\"into\":" + ids.get(0) + "}")
                    .andExpect(status().isOk());
            api.get(DIRECTOR, url)
                    .andExpect(jsonPath("$.rows[1].criticisms").value(1))
                    .andExpect(jsonPath("$.rows[1].score").value(9.5));
        } finally {
            java.util.Collections.reverse(ids); // a merged case points at the earlier one
            for (Long id : ids) {
                jdbc.update("delete from case_escalation where case_id = ?", id);
                jdbc.update("delete from case_event where case_id = ?", id);
                jdbc.update("delete from case_file where id = ?", id);
            }
        }
    }

    /** A case of the school with a 通报批评 entry made at {@code at}. */
    private Long criticised(Map<String, Object> school, String status, OffsetDateTime at) {
        LocalDate day = at.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
        jdbc.update(
                "insert into case_file (channel, category, description, anonymous, org_unit_id, unit_path, status,"
                        + " received_at, received_on, due, calendar_missing, called_back, created_by, row_version)"
                        + " values ('HOTLINE', 'COMPLAINT', '考核扣分测试', false, ?, ?, ?, ?, ?, ?, false, false,"
                        + " 'test', 0)",
                ((Number) school.get("id")).longValue(),
                school.get("path"),
                status,
                at.minusDays(30).withOffsetSameInstant(ZoneOffset.UTC),
                day.minusDays(30),
                day.minusDays(8));
        Long id = jdbc.queryForObject("select max(id) from case_file where description = '考核扣分测试'", Long.class);
        jdbc.update(
                "insert into case_escalation (case_id, stage, at) values (?, 'CRITICISM', ?)",
                id,
                at.withOffsetSameInstant(ZoneOffset.UTC));
        return id;
    }
}
