package org.dudao.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.dudao.data.DataValues;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The bulk run gives every school of a county the same total, grade and vetoes as scoring it one by one (the full
 * engine path behind the file's detail), counting self-scored manual sheets; it is audited once.
 */
@DudaoTest
class EvaluationBulkScoringTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void bulkScoresEqualTheFullEngineForEverySchool() throws Exception {
        Api api = new Api(mvc);
        EvaluationFixtures fixtures = new EvaluationFixtures(api, orgUnits, values);
        fixtures.passingPrimary("EVBK01", "批量评分自评小学");
        Map<String, Double> veto = EvaluationFixtures.full(500);
        veto.put("danger_d_in_use", 1.0);
        fixtures.school("EVBK02", "批量评分危房初中", "初中", 0, 500, veto);
        api.post("qs_director", "/api/projects", """
                {"code":"T-EV-BULK","name":"全县批量评分","year":%d,"scheme":"YWBZH","orgUnit":"JB0101",
                 "deadline":"2099-12-31"}""".formatted(EvaluationFixtures.YEAR))
                .andExpect(status().isCreated());
        String self = "/api/projects/T-EV-BULK/evaluations/EVBK01/self";
        api.put(EvaluationFixtures.head("EVBK01"), self, EvaluationFixtures.fullManual())
                .andExpect(status().isOk());
        // the stored score of the self-scored file is wiped, so the run has to recompute it with its sheet
        jdbc.update("update evaluation set total = null, grade = null"
                + " where org_unit_id = (select id from org_unit where code = 'EVBK01')");
        long audited = audits();

        api.post("dh_director", "/api/projects/T-EV-BULK/score-all", null).andExpect(status().isNotFound());
        api.post("qs_expert", "/api/projects/T-EV-BULK/score-all", null).andExpect(status().isForbidden());
        assertThat(audits()).isEqualTo(audited);
        api.post("qs_director", "/api/projects/T-EV-BULK/score-all", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scored", greaterThan(10)));
        assertThat(audits()).isEqualTo(audited + 1);

        String list = api.get("qs_director", "/api/projects/T-EV-BULK/evaluations")
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> files = JsonPath.read(list, "$");
        List<String> grades = new ArrayList<>();
        for (Map<String, Object> file : files) {
            String unit = (String) file.get("orgUnit");
            String detail = api.get("qs_director", "/api/projects/T-EV-BULK/evaluations/" + unit)
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(file.get("grade")).as(unit).isEqualTo(JsonPath.read(detail, "$.liveGrade"));
            assertThat(((Number) file.get("total")).doubleValue())
                    .as(unit)
                    .isEqualTo(((Number) JsonPath.read(detail, "$.liveTotal")).doubleValue());
            grades.add((String) file.get("grade"));
            if (unit.equals("EVBK01")) {
                // 650 quantitative + 340 self-scored manual points
                assertThat(((Number) file.get("total")).doubleValue()).isEqualTo(990.0);
                assertThat(file.get("grade")).isEqualTo("达标");
            }
            if (unit.equals("EVBK02")) {
                assertThat(file.get("grade")).isEqualTo("不达标");
                assertThat(JsonPath.<List<String>>read(detail, "$.evaluation.vetoes[*].code"))
                        .containsExactly("V1");
            }
        }
        assertThat(grades).contains("达标", "不达标");
    }

    @Test
    void bulkReadsStayWithinPostgresParameterLimit() {
        // more ids than one statement may carry (32,767 on PostgreSQL): both reads must chunk them
        List<Long> ids = LongStream.rangeClosed(1, 40_000).boxed().toList();
        Access.runAsSystem(() -> {
            assertThat(orgUnits.refs(ids)).isNotEmpty();
            int[] seen = {0};
            values.eachNumber(
                    ids,
                    String.valueOf(EvaluationFixtures.YEAR),
                    List.of("students_primary"),
                    (unit, item, value) -> seen[0]++);
            assertThat(seen[0]).isGreaterThan(0);
        });
    }

    private long audits() {
        return jdbc.queryForObject(
                "select count(*) from audit_log where entity_type = 'EvaluationProject'"
                        + " and entity_id = 'T-EV-BULK'",
                Long.class);
    }
}
