package org.dudao.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The three stages of a late case — reminder two working days before the due day, 催办通知书 on the first working
 * day after it (06-19 is a holiday), 通报批评 five working days later — each recorded once although two nodes run
 * the scheduler at the same moment every day. Unit CSE01 is this test's own.
 */
@DudaoTest
class CaseEscalationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseEscalations escalations;

    @Autowired
    JdbcTemplate jdbc;

    private static Clock at(String day) {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        return Clock.fixed(LocalDate.parse(day).atTime(8, 10).atZone(zone).toInstant(), zone);
    }

    /** Two nodes running at the same moment: what both recorded. */
    private Map<String, Integer> twoNodes(String path, String day) throws Exception {
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<CaseEscalations.Run>> runs = new ArrayList<>();
            Callable<CaseEscalations.Run> run = () -> escalations.escalateUnder(path, at(day));
            runs.add(pool.submit(run));
            runs.add(pool.submit(run));
            Map<String, Integer> all = new java.util.TreeMap<>();
            for (var f : runs) f.get().byStage().forEach((k, v) -> all.merge(k, v, Integer::sum));
            return all;
        } finally {
            pool.shutdown();
        }
    }

    private List<String> stages(int id) {
        return jdbc.queryForList("select stage from case_escalation where case_id = ? order by id", String.class, id);
    }

    @Test
    void eachStageFiresOnceOnTwoNodes() throws Exception {
        Api api = new Api(mvc);
        api.post(
                        "admin",
                        "/api/org-units",
                        "{\"code\":\"CSE01\",\"name\":\"催办测试小学\",\"kind\":\"小学\",\"parentCode\":\"JB010101\"}")
                .andExpect(status().isCreated());
        String c = api.post("qs_director", "/api/cases", """
                        {"channel":"HOTLINE","category":"COMPLAINT","description":"催办测试","unit":"CSE01",
                         "receivedAt":"2026-06-01T09:00"}""")
                .andExpect(jsonPath("$.due").value("2026-06-18"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int id = JsonPath.read(c, "$.id");
        String path = jdbc.queryForObject("select path from org_unit where code = 'CSE01'", String.class);

        assertThat(twoNodes(path, "2026-06-15")).isEmpty(); // three working days left
        assertThat(twoNodes(path, "2026-06-16")).containsExactly(Map.entry("REMINDER", 1));
        assertThat(twoNodes(path, "2026-06-17")).isEmpty();
        assertThat(twoNodes(path, "2026-06-19")).isEmpty(); // a holiday, then the weekend
        assertThat(twoNodes(path, "2026-06-22")).containsExactly(Map.entry("URGE", 1));
        assertThat(twoNodes(path, "2026-06-26")).isEmpty();
        assertThat(twoNodes(path, "2026-06-29")).containsExactly(Map.entry("CRITICISM", 1));
        assertThat(twoNodes(path, "2026-07-06")).isEmpty();
        assertThat(stages(id)).containsExactly("REMINDER", "URGE", "CRITICISM");

        String view = api.get("qs_director", "/api/cases/" + id)
                .andExpect(jsonPath("$.escalations.length()").value(3))
                .andExpect(jsonPath("$.escalations[1].number", org.hamcrest.Matchers.matchesPattern("青督〔2026〕\\d+号")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String number = JsonPath.read(view, "$.escalations[1].number");
        byte[] pdf = mvc.perform(get("/api/cases/" + id + "/urge.pdf").with(httpBasic("qs_director", Api.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = PDDocument.load(pdf)) {
            assertThat(new PDFTextStripper().getText(doc))
                    .contains("催办通知书")
                    .contains(number)
                    .contains("催办测试小学")
                    .contains("2026-06-18");
        }
        api.get("dh_director", "/api/cases/" + id + "/urge.pdf").andExpect(status().isNotFound());

        // a closed case escalates no further
        api.post("qs_director", "/api/cases/" + id + "/transitions", "{\"action\":\"assign\",\"unit\":\"CSE01\"}");
        api.post("admin", "/api/cases/" + id + "/transitions", "{\"action\":\"answer\",\"note\":\"已办\"}");
        api.post("qs_director", "/api/cases/" + id + "/transitions", "{\"action\":\"verify\"}");
        api.post("qs_director", "/api/cases/" + id + "/transitions", "{\"action\":\"close\"}")
                .andExpect(jsonPath("$.status").value("CLOSED"));
        assertThat(twoNodes(path, "2026-07-20")).isEmpty();
    }
}
