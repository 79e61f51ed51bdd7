package org.dudao.evaluation;

import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.dudao.data.DataValues;
import org.dudao.org.OrgUnits;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The bulk run gives every school of a county the same total and grade as scoring it one by one. */
@DudaoTest
class EvaluationBulkScoringTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    DataValues values;

    @Test
    void bulkScoresEqualTheFullEngineForEverySchool() throws Exception {
        Api api = new Api(mvc);
        api.post("qs_director", "/api/projects", """
                {"code":"T-EV-BULK","name":"全县批量评分","year":%d,"scheme":"YWBZH","orgUnit":"JB0101",
                 "deadline":"2099-12-31"}""".formatted(EvaluationFixtures.YEAR)).andExpect(status().isCreated());
        api.post("dh_director", "/api/projects/T-EV-BULK/score-all", null).andExpect(status().isNotFound());
        api.post("qs_expert", "/api/projects/T-EV-BULK/score-all", null).andExpect(status().isForbidden());
        api.post("qs_director", "/api/projects/T-EV-BULK/score-all", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.scored", greaterThan(10)));
        String list = api.get("qs_director", "/api/projects/T-EV-BULK/evaluations").andReturn().getResponse()
                .getContentAsString();
        List<Map<String, Object>> files = JsonPath.read(list, "$");
        // each bulk total equals the full path's (the detail recomputes it with the engine's full path)
        for (Map<String, Object> file : files.subList(0, Math.min(12, files.size()))) {
            String unit = (String) file.get("orgUnit");
            String detail = api.get("qs_director", "/api/projects/T-EV-BULK/evaluations/" + unit)
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            double full = ((Number) JsonPath.read(detail, "$.liveTotal")).doubleValue();
            org.assertj.core.api.Assertions.assertThat(file.get("grade")).as(unit)
                    .isEqualTo(JsonPath.read(detail, "$.liveGrade"));
            org.assertj.core.api.Assertions.assertThat(((Number) file.get("total")).doubleValue()).as(unit)
                    .isEqualTo(full);
        }
    }
}
