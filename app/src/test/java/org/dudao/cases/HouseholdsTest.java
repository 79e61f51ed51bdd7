package org.dudao.cases;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 民情联系: an inspector keeps households and a visit diary; what was raised becomes a case of channel VISIT in one
 * step with the household as reporter, once. The office above reads them; other people find nothing.
 */
@DudaoTest
class HouseholdsTest {

    @Autowired
    MockMvc mvc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    private static int id(String json) {
        return JsonPath.read(json, "$.id");
    }

    private String body(org.springframework.test.web.servlet.ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString();
    }

    @Test
    void aRaisedProblemBecomesAVisitCaseInOneStep() throws Exception {
        int household = id(body(api.post("cg_inspector", "/api/households", """
                        {"name":"李民情","address":"城关镇南街 8 号","phone":"13811112222","village":"南街社区",
                         "unit":"JB010101"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.mine").value(true))
                .andExpect(jsonPath("$.unitName").value("城关镇"))));
        api.post("cg_inspector", "/api/households", "{\"name\":\"\",\"unit\":\"JB0102\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")));
        api.post("cg_inspector", "/api/households", "{\"name\":\"越界户\",\"unit\":\"JB0102\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unit"));

        String visits = "/api/households/" + household + "/visits";
        api.post("cg_inspector", visits, "{\"visitedOn\":\"2026-06-16\",\"raised\":\"明天\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("visitedOn"));
        api.post("cg_inspector", visits, "{\"visitedOn\":\"2026-06-12\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("raised"));
        int visit = id(body(api.post("cg_inspector", visits, """
                        {"visitedOn":"2026-06-12","raised":"孩子就读的村小冬季没有取暖设施"}""").andExpect(status().isCreated())));
        // only the household's own cadre keeps its diary
        api.post("qs_director", visits, "{\"raised\":\"代记\"}").andExpect(status().isForbidden());

        int kase = id(body(
                api.post("cg_inspector", "/api/household-visits/" + visit + "/case", "{\"category\":\"COMPLAINT\"}")
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.channel").value("VISIT"))
                        .andExpect(jsonPath("$.unit").value("JB010101"))
                        .andExpect(jsonPath("$.description").value("孩子就读的村小冬季没有取暖设施"))));
        api.get("qs_director", "/api/cases/" + kase)
                .andExpect(jsonPath("$.reporter.name").value("李民情"))
                .andExpect(jsonPath("$.reporter.phone").value("13811112222"))
                .andExpect(jsonPath("$.address").value("城关镇南街 8 号"));
        api.post("cg_inspector", "/api/household-visits/" + visit + "/case", "{\"category\":\"COMPLAINT\"}")
                .andExpect(status().isConflict());
        api.get("cg_inspector", "/api/households/" + household)
                .andExpect(jsonPath("$.diary[0].caseId").value(kase))
                .andExpect(jsonPath("$.diary[0].visitedOn").value("2026-06-12"));

        // the office above reads it; a clerk of the same township and another county find nothing
        api.get("qs_director", "/api/households").andExpect(jsonPath("$[*].name", hasItem("李民情")));
        api.get("qs_director", "/api/households/" + household).andExpect(status().isOk());
        api.get("cg_clerk", "/api/households").andExpect(jsonPath("$[*].name", not(hasItem("李民情"))));
        api.get("cg_clerk", "/api/households/" + household).andExpect(status().isNotFound());
        api.get("dh_director", "/api/households/" + household).andExpect(status().isNotFound());
        api.post("dh_director", "/api/household-visits/" + visit + "/case", "{\"category\":\"COMPLAINT\"}")
                .andExpect(status().isNotFound());

        // a clerk keeps households too, but takes no cases in
        int own = id(body(api.post("cg_clerk", "/api/households", "{\"name\":\"王联系\",\"unit\":\"JB010101\"}")
                .andExpect(status().isCreated())));
        int clerkVisit = id(body(api.post("cg_clerk", "/api/households/" + own + "/visits", "{\"raised\":\"路面积水\"}")
                .andExpect(status().isCreated())));
        api.post("cg_clerk", "/api/household-visits/" + clerkVisit + "/case", "{\"category\":\"COMPLAINT\"}")
                .andExpect(status().isForbidden());

        // a change needs the current version
        String current = body(api.get("cg_inspector", "/api/households/" + household));
        int version = JsonPath.read(current, "$.version");
        api.put("cg_inspector", "/api/households/" + household, """
                        {"name":"李民情","phone":"13811113333","unit":"JB010101","version":%d}""".formatted(version))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value("13811113333"));
        api.put("cg_inspector", "/api/households/" + household, """
                        {"name":"李民情","unit":"JB010101","version":%d}""".formatted(version))
                .andExpect(status().isConflict());
    }
}
