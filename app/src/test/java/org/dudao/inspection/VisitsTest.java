package org.dudao.inspection;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.dudao.evaluation.EvaluationFixtures;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A visit through the seven steps; a finding with rectify opens an INSPECTION item; who sees and does what. */
@DudaoTest
class VisitsTest {

    @Autowired
    MockMvc mvc;

    private static long id(org.springframework.test.web.servlet.ResultActions r) throws Exception {
        return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    @Test
    void anInspectorVisitsTheirSchoolAndAFindingBecomesARectificationItem() throws Exception {
        Api api = new Api(mvc);
        InspectionFixtures fx = new InspectionFixtures(api);
        fx.school("VIS01", "访视测试小学");
        fx.school("VIS02", "访视测试二小");
        long mine = fx.inspector("访视督学", "cg_inspector");
        long other = fx.inspector("旁区督学", null);
        fx.zone("VIS-Z", mine, "VIS01");
        api.put("qs_director", "/api/zones/VIS-Z", """
                {"name":"访视测试责任区","schools":["VIS01","VIS02"],
                 "assignments":[{"school":"VIS01","inspector":%d},{"school":"VIS02","inspector":%d}]}""".formatted(mine, other)).andExpect(status().isOk());

        // the responsible inspector plans; a school of another inspector is not theirs to plan
        long visit = id(api.post("cg_inspector", "/api/visits", """
                        {"school":"VIS01","date":"2026-06-16","purpose":"常规督导","team":"访视督学",
                         "items":["SAFETY","FOOD"]}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.inspector").value(mine))
                .andExpect(jsonPath("$.status").value("PLANNED"))
                .andExpect(jsonPath("$.items", Matchers.contains("SAFETY", "FOOD"))));
        api.post("cg_inspector", "/api/visits", "{\"school\":\"VIS02\",\"date\":\"2026-06-16\",\"purpose\":\"越区\"}")
                .andExpect(status().isForbidden());
        long foreign = id(api.post("qs_director", "/api/visits", """
                        {"school":"VIS02","date":"2026-06-17","purpose":"另一督学的督导"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.inspector").value(other)));
        // an inspector sees only their own schools' visits, though the whole township is in their scope
        api.get("cg_inspector", "/api/visits/" + foreign).andExpect(status().isNotFound());
        api.get("cg_inspector", "/api/visits?month=2026-06")
                .andExpect(jsonPath("$[*].id", Matchers.hasItem((int) visit)))
                .andExpect(jsonPath("$[*].id", Matchers.not(Matchers.hasItem((int) foreign))));

        // findings are recorded on site only
        String finding = """
                {"item":"SAFETY","finding":"消防通道堆放杂物","rating":"差","evidence":[%s],"rectify":true,
                 "requirement":"一周内清理","deadline":"2026-07-15"}""";
        api.post("cg_inspector", "/api/visits/" + visit + "/findings", finding.formatted(""))
                .andExpect(status().isConflict());
        api.post("cg_inspector", "/api/visits/" + visit + "/check-in", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CHECKED_IN"));
        long photo =
                id(api.upload("cg_inspector", "/api/visits/" + visit + "/photos", "gate.png", EvaluationFixtures.png())
                        .andExpect(status().isCreated()));
        api.post("cg_inspector", "/api/visits/" + visit + "/findings", """
                        {"item":"SAFETY","finding":"x","rating":"很差"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rating"));
        String after = api.post("cg_inspector", "/api/visits/" + visit + "/findings", finding.formatted(photo))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[0].evidence[0]").value(photo))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Integer item = JsonPath.read(after, "$.findings[0].rectification");
        api.get("qs_director", "/api/rectifications/" + item)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("INSPECTION"))
                .andExpect(jsonPath("$.sourceRef").value("VISIT-" + visit))
                .andExpect(jsonPath("$.status").value("PLANNING"))
                .andExpect(jsonPath("$.deadline").value("2026-07-15"))
                .andExpect(jsonPath("$.problem").value("消防通道堆放杂物"));
        api.get("qs_director", "/api/rectifications?unit=VIS01").andExpect(jsonPath("$[*].id", Matchers.hasItem(item)));

        // report, then only the school's head acknowledges
        api.post("cg_inspector", "/api/visits/" + visit + "/report", """
                        {"report":"发现安全隐患一处","feedback":"请按期整改"}""")
                .andExpect(jsonPath("$.status").value("REPORTED"));
        api.post("qs_director", "/api/visits/" + visit + "/acknowledge", null).andExpect(status().isForbidden());
        api.post("admin", "/api/users", """
                {"username":"head_vis01","displayName":"访视测试校长","password":"%s","mustChangePassword":false,
                 "grants":[{"role":"HEAD","orgUnit":"VIS01"}]}""".formatted(Api.PASSWORD)).andExpect(status().isCreated());
        api.post("head_vis01", "/api/visits/" + visit + "/acknowledge", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.acknowledgedBy").value("head_vis01"));

        // outside the scope the visit does not exist
        api.get("dh_director", "/api/visits/" + visit).andExpect(status().isNotFound());
        api.get("dh_director", "/api/visits?school=VIS01").andExpect(status().isNotFound());
        api.get("school_clerk", "/api/visits/" + visit).andExpect(status().isNotFound());
        api.post("dh_director", "/api/visits/" + visit + "/check-in", null).andExpect(status().isNotFound());
        api.get("cg_clerk", "/api/visits?school=VIS01&month=2026-06")
                .andExpect(jsonPath("$[*].id", Matchers.hasItem((int) visit)));
        api.get("qs_director", "/api/visits?month=2026-13").andExpect(status().isBadRequest());

        // 工作月历: VIS01 was visited in June, VIS02 only has a plan; the inspector sees their own school only
        api.get("qs_director", "/api/inspection/calendar?unit=JB010101&month=2026-06")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.schools[?(@.school=='VIS01')].visited", Matchers.contains(true)))
                .andExpect(jsonPath("$.schools[?(@.school=='VIS01')].done", Matchers.contains(1)))
                .andExpect(jsonPath("$.schools[?(@.school=='VIS02')].visited", Matchers.contains(false)))
                .andExpect(jsonPath("$.schools[?(@.school=='VIS02')].planned", Matchers.contains(1)));
        api.get("cg_inspector", "/api/inspection/calendar?unit=JB010101&month=2026-06")
                .andExpect(jsonPath("$.schools[*].school", Matchers.hasItem("VIS01")))
                .andExpect(jsonPath("$.schools[*].school", Matchers.not(Matchers.hasItem("VIS02"))));
        api.get("qs_director", "/api/inspection/calendar?unit=JB010101&month=2026-07")
                .andExpect(jsonPath("$.schools[?(@.school=='VIS01')].visited", Matchers.contains(false)));
        api.get("dh_director", "/api/inspection/calendar?unit=JB010101").andExpect(status().isNotFound());
        api.get("school_clerk", "/api/inspection/calendar?unit=JB010101").andExpect(status().isNotFound());
    }
}
