package org.dudao.security;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.dudao.data.DataValues;
import org.dudao.evaluation.EvaluationFixtures;
import org.dudao.org.OrgUnits;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every editable entity behind a PUT refuses a stale version with 409 (issue 11, findings 2 and 7): what someone
 * else saved meanwhile is never silently overwritten. Scheme versions have {@code SchemeVersionConflictTest}, data
 * values {@code CollectionValuesApiTest}, org units and data items their own API tests.
 */
@DudaoTest
class StaleVersionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    Api api;
    EvaluationFixtures fx;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        fx = new EvaluationFixtures(api, orgUnits, values);
    }

    private static int version(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.version");
    }

    /**
     * A project of a far year: the dashboard shows the current year's latest project of 青山县 by default, and
     * other tests read that one.
     */
    private void project(String code, String schools) throws Exception {
        api.post("qs_director", "/api/projects", """
                        {"code":"%s","name":"版本测试项目","year":2090,"scheme":"YWBZH","orgUnit":"JB0101",
                         "deadline":"2099-12-31","schools":[%s]}""".formatted(code, schools)).andExpect(status().isCreated());
    }

    @Test
    void aProjectQuotaPlanAndASelfEvaluationRefuseAStaleVersion() throws Exception {
        fx.passingPrimary("STVP01", "版本测试小学");
        project("T-STALE", "\"STVP01\"");
        int read = version(api.get("qs_director", "/api/projects/T-STALE").andExpect(status().isOk()));
        int saved = version(api.put("qs_director", "/api/projects/T-STALE/quota", """
                        {"primary":37,"secondary":5,"version":%d}""".formatted(read))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.quota.target").value(42))
                .andExpect(jsonPath("$.version").value(read + 1)));
        api.put("qs_director", "/api/projects/T-STALE/quota", """
                        {"primary":9,"secondary":9,"version":%d}""".formatted(read))
                .andExpect(status().isConflict());
        api.get("qs_director", "/api/projects/T-STALE")
                .andExpect(jsonPath("$.quota.target").value(42))
                .andExpect(jsonPath("$.version").value(saved));

        String self = "/api/projects/T-STALE/evaluations/STVP01/self";
        String head = EvaluationFixtures.head("STVP01");
        int first = version(api.put(head, self, EvaluationFixtures.fullManual()).andExpect(status().isOk()));
        String d2 = EvaluationFixtures.fullManual()
                .replace("\"score\":90", "\"score\":%d")
                .replace("}}}", "}},\"version\":%d}");
        double total = JsonPath.<Double>read(
                api.put(head, self, d2.formatted(85, first))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.total");
        api.put(head, self, d2.formatted(80, first)).andExpect(status().isConflict());
        api.get(head, "/api/projects/T-STALE/evaluations/STVP01")
                .andExpect(jsonPath("$.evaluation.total").value(total));
    }

    @Test
    void anAssessmentTargetRefusesAStaleVersion() throws Exception {
        project("T-STALE-R", "");
        String target = "/api/reports/assessment/T-STALE-R/targets/JB010101";
        // -1: the caller read no stored target
        api.put("qs_director", target, "{\"target\":3,\"version\":-1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(0));
        api.put("qs_director", target, "{\"target\":5,\"version\":-1}").andExpect(status().isConflict());
        api.put("qs_director", target, "{\"target\":4,\"version\":0}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.target").value(4))
                .andExpect(jsonPath("$.version").value(1));
        api.put("qs_director", target, "{\"target\":6,\"version\":0}").andExpect(status().isConflict());
    }

    @Test
    void aUserRefusesAStaleVersion() throws Exception {
        fx.user("t_stale_user", "版本用户", "LEADER", "JB0101");
        int read = version(api.get("admin", "/api/users/t_stale_user").andExpect(status().isOk()));
        String edit = """
                {"displayName":"%s","grants":[{"role":"LEADER","orgUnit":"JB0101"}],"version":%d}""";
        api.put("admin", "/api/users/t_stale_user", edit.formatted("第一次修改", read))
                .andExpect(status().isOk());
        api.put("admin", "/api/users/t_stale_user", edit.formatted("过时的修改", read))
                .andExpect(status().isConflict());
        api.get("admin", "/api/users/t_stale_user")
                .andExpect(jsonPath("$.displayName").value("第一次修改"));
    }
}
