package org.dudao.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.evaluation.EvaluationFixtures.head;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.dudao.data.DataValues;
import org.dudao.data.HistoryEntry;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 抽查 and 现场核查: a sample stratified by township and repeated from its seed; a sampled school's headcount
 * checked against its stored enrolment and a reported figure corrected past the lock of its submitted data, the
 * old value kept in the history, the reason audited and the file rescored.
 */
@DudaoTest
class OnsiteSamplingApiTest {

    static final AtomicInteger RUN = new AtomicInteger();

    /** Schools of 城关镇 (3), 清水镇 (2), 白石镇 (1) and one directly under 青山县. */
    static final List<String> SCHOOLS =
            List.of("JB01010101", "JB01010102", "JB01010104", "JB01010201", "JB01010202", "JB01010301", "JB010193");

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    EvaluationFixtures fx;
    String tag;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        fx = new EvaluationFixtures(api, orgUnits, values);
        tag = "DZS" + RUN.incrementAndGet();
    }

    private List<String> sample(String project, String body) throws Exception {
        String json = api.post("qs_director", "/api/projects/" + project + "/samples", body)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(json, "$.units[*].code");
    }

    private static Map<String, Integer> byStratum(List<String> units) {
        Map<String, Integer> n = new TreeMap<>();
        // 青山县's schools: JB0101 + township (2 digits) + school; the county's own ones are JB01019x
        units.forEach(u -> n.merge(u.startsWith("JB01019") ? "county" : u.substring(0, 8), 1, Integer::sum));
        return n;
    }

    @Test
    void aSampleIsStratifiedByTownshipAndRepeatsFromItsSeed() throws Exception {
        String project = tag + "-P";
        fx.project(project, "2099-12-31", 7, SCHOOLS.toArray(String[]::new));

        // 30% of 7 is 3, but each of the four strata with files gets one
        List<String> percent = sample(project, "{\"level\":\"COUNTY\",\"percent\":30,\"seed\":11}");
        assertThat(byStratum(percent))
                .containsOnlyKeys("JB010101", "JB010102", "JB010103", "county")
                .allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
        // five: proportional, 城关镇 (3 of 7) gets two
        List<String> five = sample(project, "{\"level\":\"COUNTY\",\"count\":5,\"seed\":11}");
        assertThat(five).hasSize(5).doesNotHaveDuplicates().allMatch(SCHOOLS::contains);
        assertThat(byStratum(five))
                .containsEntry("JB010101", 2)
                .containsEntry("JB010102", 1)
                .containsEntry("JB010103", 1)
                .containsEntry("county", 1);
        // the same seed: the same units
        assertThat(sample(project, "{\"level\":\"COUNTY\",\"count\":5,\"seed\":11}"))
                .isEqualTo(five);
        // no seed: one is generated, recorded and repeats the sample
        String json = api.post(
                        "qs_director", "/api/projects/" + project + "/samples", "{\"level\":\"COUNTY\",\"count\":5}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long seed = ((Number) JsonPath.read(json, "$.seed")).longValue();
        List<String> generated = JsonPath.read(json, "$.units[*].code");
        assertThat(sample(project, "{\"level\":\"COUNTY\",\"count\":5,\"seed\":%d}".formatted(seed)))
                .isEqualTo(generated);
        api.get("qs_director", "/api/projects/" + project + "/samples")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(5))
                .andExpect(jsonPath("$[0].seed").value(11))
                .andExpect(jsonPath("$[0].drawnBy").value("qs_director"));

        // bad input names the field; scope: a clerk may not sample, the other county sees nothing
        api.post(
                        "qs_director",
                        "/api/projects/" + project + "/samples",
                        "{\"level\":\"COUNTY\",\"percent\":30,\"count\":2}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("percent"));
        api.post("qs_director", "/api/projects/" + project + "/samples", "{\"level\":\"TOWN\",\"count\":2}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("level"));
        api.post("cg_clerk", "/api/projects/" + project + "/samples", "{\"level\":\"COUNTY\",\"count\":2}")
                .andExpect(status().isForbidden());
        api.post("dh_director", "/api/projects/" + project + "/samples", "{\"level\":\"COUNTY\",\"count\":2}")
                .andExpect(status().isNotFound());
        api.get("dh_director", "/api/projects/" + project + "/samples").andExpect(status().isNotFound());
        api.get("cg_clerk", "/api/projects/" + project + "/samples")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void anOnsiteCorrectionChangesTheStoredValueAndTheScoreAndIsAudited() throws Exception {
        String school = tag + "01";
        String project = tag + "-P";
        fx.passingPrimary(school, "核查测试小学" + tag);
        fx.project(project, "2099-12-31", 7, school);
        String file = "/api/projects/" + project + "/evaluations/" + school;
        String onsite = file + "/onsite";
        String body = """
                {"counted":570,"note":"现场清点","corrections":[{"item":"books","value":"9000","reason":"图书账实不符，按实有册数"}]}""";

        // not sampled yet: nothing to check
        api.post("qs_director", onsite, body).andExpect(status().isConflict());
        sample(project, "{\"level\":\"COUNTY\",\"count\":1,\"seed\":3}");

        // the school submits its data: locked for the school from now on
        String issued = api.post("qs_director", "/api/projects/" + project + "/collection", "")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long task = JsonPath.parse(issued).read("$.collectionTask", Long.class);
        api.post(head(school), "/api/collection/tasks/" + task + "/units/" + school + "/submit", "{\"values\":{}}")
                .andExpect(status().isOk());
        api.post(head(school), "/api/data-values", """
                        {"period":"%d","values":[{"orgUnit":"%s","item":"books","value":"9000"}]}""".formatted(EvaluationFixtures.YEAR, school))
                .andExpect(status().isConflict());

        // bad input: named by field, nothing written
        api.post("qs_director", onsite, """
                        {"corrections":[{"item":"books","value":"9000","reason":""}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("corrections"));
        api.post("qs_director", onsite, """
                        {"corrections":[{"item":"no_such_item","value":"1","reason":"x"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("no_such_item")));
        api.post("qs_director", onsite, "{\"counted\":-1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("counted"));
        // scope: the school and its township may not correct, the other county does not see the file
        api.post(head(school), onsite, body).andExpect(status().isForbidden());
        api.post("cg_clerk", onsite, body).andExpect(status().isForbidden());
        api.post("dh_director", onsite, body).andExpect(status().isNotFound());

        String json = api.post("qs_director", onsite, body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.level").value("COUNTY"))
                .andExpect(jsonPath("$.reported").value(600))
                .andExpect(jsonPath("$.counted").value(570))
                .andExpect(jsonPath("$.differencePct").value(-5.0))
                .andExpect(jsonPath("$.corrections[0].item").value("books"))
                .andExpect(jsonPath("$.corrections[0].oldValue").value(15600))
                .andExpect(jsonPath("$.corrections[0].newValue").value(9000))
                .andExpect(jsonPath("$.corrections[0].reason").value("图书账实不符，按实有册数"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        double totalBefore = ((Number) JsonPath.read(json, "$.totalBefore")).doubleValue();
        double totalAfter = ((Number) JsonPath.read(json, "$.totalAfter")).doubleValue();
        assertThat(totalBefore).isEqualTo(650.0); // every quantitative standard met, manual ones not scored yet
        assertThat(totalAfter).isLessThan(totalBefore);
        assertThat(totalOf(file)).isEqualTo(totalAfter);

        // the stored value changed, the history keeps old → new, by whom and through which channel
        OrgUnitRef[] found = new OrgUnitRef[1];
        Access.runAsSystem(() -> found[0] = orgUnits.readable(school));
        OrgUnitRef unit = found[0];
        long books = values.item("books").getId();
        assertThat(values.numbers(unit.id(), String.valueOf(EvaluationFixtures.YEAR), List.of("books"))
                        .get("books"))
                .isEqualByComparingTo(new BigDecimal("9000"));
        List<HistoryEntry> history = values.history(unit.id(), books, String.valueOf(EvaluationFixtures.YEAR));
        HistoryEntry last = history.get(0); // newest first
        assertThat(last.oldNum()).isEqualByComparingTo("15600");
        assertThat(last.newNum()).isEqualByComparingTo("9000");
        assertThat(last.source()).isEqualTo("ONSITE");
        assertThat(last.changedBy()).isEqualTo("qs_director");
        // the reason is audited with the check, in the school's scope
        String audited = jdbc.queryForObject(
                "select new_value from audit_log where entity_type = 'OnsiteCheck' and scope_path = ?"
                        + " order by id desc limit 1",
                String.class,
                unit.path());
        assertThat(audited).contains("图书账实不符，按实有册数").contains("15600");

        // the school reads its checks; the other county does not
        api.get(head(school), onsite)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].corrections[0].reason").value("图书账实不符，按实有册数"));
        api.get("dh_director", onsite).andExpect(status().isNotFound());
    }

    private double totalOf(String file) throws Exception {
        String json = api.get("qs_director", file)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Object total = JsonPath.read(json, "$.evaluation.total");
        return total == null ? Double.NaN : ((Number) total).doubleValue();
    }
}
