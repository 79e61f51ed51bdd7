package org.dudao.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.dudao.support.TestClock;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The inspector's duties: 销号 of their findings once the school answered, 一月一小结 / 半年一总结 with due days on the
 * working-day calendar, the workload report (API, Excel) and the county dashboard's unvisited schools; the other
 * county sees none of it. The clock stands at 2026-06-15.
 */
@DudaoTest
class InspectionDutiesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    private static long id(ResultActions r) throws Exception {
        return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    /** A visit of {@code inspector} to a school on a day, checked in, planned by the office. */
    private long visited(Api api, String school, long inspector, String day) throws Exception {
        long visit = id(api.post("qs_director", "/api/visits", """
                        {"school":"%s","inspector":%d,"date":"%s","purpose":"常规督导"}""".formatted(school, inspector, day))
                .andExpect(status().isCreated()));
        api.post("cg_inspector", "/api/visits/" + visit + "/check-in", null).andExpect(status().isOk());
        return visit;
    }

    @Test
    void theInspectorClosesTheirFindingOnceTheSchoolAnswered() throws Exception {
        Api api = new Api(mvc);
        InspectionFixtures fx = new InspectionFixtures(api);
        fx.school("DUT01", "销号测试小学");
        String head = fx.head("DUT01");
        long mine = fx.inspector("销号督学", "cg_inspector");
        long visit = visited(api, "DUT01", mine, TestClock.today().toString());
        String deadline = TestClock.today().plusDays(20).toString();
        String after = api.post("cg_inspector", "/api/visits/" + visit + "/findings", """
                        {"item":"SAFETY","finding":"楼梯扶手松动","rating":"差","rectify":true,
                         "requirement":"两周内加固","deadline":"%s"}""".formatted(deadline))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int item = JsonPath.read(after, "$.findings[0].rectification");

        // the inspector follows the item; not yet answered, nothing to close
        api.get("cg_inspector", "/api/inspection/items").andExpect(jsonPath("$[*].id", Matchers.hasItem(item)));
        api.post("cg_inspector", "/api/inspection/items/" + item + "/close", "{}")
                .andExpect(status().isConflict());

        // the school answers on the rectification path
        api.post(head, "/api/rectifications/" + item + "/plan", """
                        {"plan":"更换扶手","deadline":"%s"}""".formatted(deadline))
                .andExpect(status().isOk());
        api.post(head, "/api/rectifications/" + item + "/report", "{\"progress\":\"扶手已更换\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVIEW"));
        api.get("cg_inspector", "/api/inspection/items?status=REVIEW")
                .andExpect(jsonPath("$[*].id", Matchers.hasItem(item)));
        api.get("cg_inspector", "/api/me/todos")
                .andExpect(jsonPath("$[*].kind", Matchers.hasItem("todo.inspection.recheck")));

        // someone else's item, the other county, a clerk: not theirs to close
        api.post("dh_director", "/api/inspection/items/" + item + "/close", "{}")
                .andExpect(status().isNotFound());
        api.post("cg_clerk", "/api/inspection/items/" + item + "/close", "{}").andExpect(status().isForbidden());
        api.post("cg_inspector", "/api/inspection/items/" + item + "/send-back", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));

        // sent back, answered again, closed
        api.post("cg_inspector", "/api/inspection/items/" + item + "/send-back", "{\"note\":\"请附照片\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.reviewNote").value("请附照片"));
        api.post(head, "/api/rectifications/" + item + "/report", "{\"progress\":\"扶手已更换，附照片\"}")
                .andExpect(status().isOk());
        api.post("cg_inspector", "/api/inspection/items/" + item + "/close", "{\"note\":\"复核合格\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.closedAt").isString());

        // the workload counts it, closed on time
        api.get(
                        "qs_director",
                        "/api/inspection/workload?unit=JB0101&month="
                                + TestClock.today().toString().substring(0, 7))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[?(@.inspector==%d)].visits".formatted(mine), Matchers.contains(1)))
                .andExpect(jsonPath("$.rows[?(@.inspector==%d)].findings".formatted(mine), Matchers.contains(1)))
                .andExpect(jsonPath("$.rows[?(@.inspector==%d)].rectified".formatted(mine), Matchers.contains(1)))
                .andExpect(jsonPath("$.rows[?(@.inspector==%d)].closedOnTime".formatted(mine), Matchers.contains(1)));
        api.get("dh_director", "/api/inspection/workload?unit=JB0101").andExpect(status().isNotFound());
        api.get("qs_director", "/api/inspection/workload?unit=JB0101&month=2026-13")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"));
    }

    @Test
    void summariesAreDueByTheFifthWorkingDayAndOverdueOnesAreFlagged() throws Exception {
        Api api = new Api(mvc);
        InspectionFixtures fx = new InspectionFixtures(api);
        fx.school("DUT11", "小结测试小学");
        long mine = fx.inspector("小结督学", "cg_inspector");
        long april = visited(api, "DUT11", mine, "2026-04-10");
        api.post("cg_inspector", "/api/visits/" + april + "/findings", """
                        {"item":"WORKLOAD","finding":"作业量偏大","rating":"一般"}""").andExpect(status().isOk());

        // since the first visit: April and May overdue (due the 5th working day after 劳动节, counting the 调休
        // Saturday 9 May, and on 5 June), June open
        String url = "/api/inspection/summaries?inspector=" + mine;
        api.get("cg_inspector", url)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.kind=='MONTH' && @.period=='2026-04')].state", Matchers.contains("OVERDUE")))
                .andExpect(
                        jsonPath("$[?(@.kind=='MONTH' && @.period=='2026-04')].due", Matchers.contains("2026-05-11")))
                .andExpect(jsonPath("$[?(@.kind=='MONTH' && @.period=='2026-05')].state", Matchers.contains("OVERDUE")))
                .andExpect(
                        jsonPath("$[?(@.kind=='MONTH' && @.period=='2026-05')].due", Matchers.contains("2026-06-05")))
                .andExpect(jsonPath("$[?(@.kind=='MONTH' && @.period=='2026-06')].state", Matchers.contains("OPEN")))
                .andExpect(
                        jsonPath("$[?(@.kind=='HALF' && @.period=='2026-H1')].due", Matchers.contains("2026-07-07")));
        api.get("qs_director", "/api/inspection/summaries?overdue=true")
                .andExpect(jsonPath(
                        "$[?(@.inspector==%d)].period".formatted(mine), Matchers.contains("2026-05", "2026-04")));
        api.get("cg_inspector", "/api/me/todos")
                .andExpect(jsonPath("$[?(@.kind=='todo.inspection.summary')].overdue", Matchers.contains(true)));
        api.get("qs_director", "/api/me/todos")
                .andExpect(jsonPath("$[*].kind", Matchers.hasItem("todo.inspection.summary-overdue")));

        // the draft holds the period's visits and findings
        String draft = JsonPath.read(
                api.get(
                                "cg_inspector",
                                "/api/inspection/summaries/draft?inspector=%d&kind=MONTH&period=2026-04"
                                        .formatted(mine))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.body");
        assertThat(draft).contains("2026年4月").contains("小结测试小学").contains("作业量偏大");

        // only the inspector writes their own; bad kind and period name the field; the other county sees nothing
        String body = "{\"inspector\":%d,\"kind\":\"%s\",\"period\":\"%s\",\"body\":\"%s\"}";
        api.post("qs_director", "/api/inspection/summaries", body.formatted(mine, "MONTH", "2026-04", "代写"))
                .andExpect(status().isForbidden());
        api.post("cg_inspector", "/api/inspection/summaries", body.formatted(mine, "WEEK", "2026-04", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        api.post("cg_inspector", "/api/inspection/summaries", body.formatted(mine, "HALF", "2026-H3", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        api.post("cg_inspector", "/api/inspection/summaries", body.formatted(mine, "MONTH", "2026-08", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        api.get("dh_director", url).andExpect(status().isNotFound());
        api.get("dh_director", "/api/inspection/summaries")
                .andExpect(jsonPath("$[?(@.inspector==%d)]".formatted(mine), Matchers.empty()));

        // submitted late stays late; June's, written in June, is on time
        api.post("cg_inspector", "/api/inspection/summaries", body.formatted(mine, "MONTH", "2026-04", "四月小结"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("LATE"));
        api.post("cg_inspector", "/api/inspection/summaries", body.formatted(mine, "MONTH", "2026-06", "六月小结"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("ON_TIME"));
        api.get("qs_director", url)
                .andExpect(jsonPath("$[?(@.period=='2026-04')].body", Matchers.contains("四月小结")))
                .andExpect(jsonPath("$[?(@.period=='2026-05')].state", Matchers.contains("OVERDUE")));
        api.get("qs_director", "/api/inspection/workload?unit=JB0101&month=2026-04")
                .andExpect(jsonPath("$.rows[?(@.inspector==%d)].summary".formatted(mine), Matchers.contains("LATE")))
                .andExpect(jsonPath("$.rows[?(@.inspector==%d)].findings".formatted(mine), Matchers.contains(1)));
        // an inspector reads their township's workload, their own rows only; the county is not theirs
        api.get("cg_inspector", "/api/inspection/workload?unit=JB010101&month=2026-04")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[*].inspectorName", Matchers.hasItem("小结督学")))
                .andExpect(jsonPath("$.rows[*].inspectorName", Matchers.everyItem(Matchers.not("旁区督学"))));
        api.get("cg_inspector", "/api/inspection/workload?unit=JB0101").andExpect(status().isNotFound());
    }

    @Test
    void theCountyDashboardFlagsSchoolsNotVisitedLastMonthAndTheWorkloadExports() throws Exception {
        Api api = new Api(mvc);
        InspectionFixtures fx = new InspectionFixtures(api);
        fx.school("DUT21", "五月已督导小学");
        fx.school("DUT22", "五月未督导小学");
        long mine = fx.inspector("月历督学", "cg_inspector");
        fx.zone("DUT-Z", mine, "DUT21", "DUT22");
        visited(api, "DUT21", mine, "2026-05-20");
        api.post("qs_director", "/api/visits", """
                        {"school":"DUT22","inspector":%d,"date":"2026-05-28","purpose":"只计划未成行"}""".formatted(mine)).andExpect(status().isCreated());

        api.get("qs_director", "/api/inspection/calendar?unit=JB0101&month=2026-05")
                .andExpect(jsonPath("$.visitsPerMonth").value(1))
                .andExpect(jsonPath("$.schools[?(@.school=='DUT21')].visited", Matchers.contains(true)))
                .andExpect(jsonPath("$.schools[?(@.school=='DUT22')].visited", Matchers.contains(false)));
        String page = mvc.perform(
                        get("/reports/dashboard?orgUnit=JB0101").with(user(users.loadUserByUsername("qs_director"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"unvisited\"")
                .contains("id=\"unvisited-DUT22\"")
                .doesNotContain("id=\"unvisited-DUT21\"");
        // a township's dashboard has no such section
        String township = mvc.perform(
                        get("/reports/dashboard?orgUnit=JB010101").with(user(users.loadUserByUsername("qs_director"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(township).doesNotContain("id=\"unvisited\"");

        byte[] xlsx = mvc.perform(get("/inspection/workload.xlsx?unit=JB0101&month=2026-05")
                        .with(user(users.loadUserByUsername("qs_director"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("督导次数");
            List<String> names = new java.util.ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r) == null || sheet.getRow(r).getCell(0) == null) continue;
                names.add(sheet.getRow(r).getCell(0).getStringCellValue());
                if ("月历督学".equals(sheet.getRow(r).getCell(0).getStringCellValue())) {
                    assertThat(sheet.getRow(r).getCell(1).getNumericCellValue()).isEqualTo(1.0);
                    assertThat(sheet.getRow(r).getCell(2).getNumericCellValue()).isEqualTo(1.0);
                }
            }
            assertThat(names).contains("月历督学").anyMatch(n -> n.contains("北京时间"));
        }
        mvc.perform(get("/inspection/workload?unit=JB0101&month=2026-05")
                        .with(user(users.loadUserByUsername("qs_director"))))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("id=\"chart-workload\"")));
        mvc.perform(get("/inspection/workload.xlsx?unit=JB0101&month=2026-05")
                        .with(user(users.loadUserByUsername("dh_director"))))
                .andExpect(status().isNotFound());
    }
}
