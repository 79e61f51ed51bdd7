package org.dudao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.evaluation.EvaluationFixtures.transition;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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

/** What an answer may not tell (issue 11, finding 8): foreign objects, anonymous projects, county-wide counts. */
@DudaoTest
class LeaksTest {

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

    @Test
    void aForeignEvidenceFileAnswersLikeOneThatDoesNotExist() throws Exception {
        String foreign = JsonPath.read(
                        api.upload(
                                        "dh_director",
                                        "/api/evidence",
                                        "foreign.png",
                                        EvaluationFixtures.png(),
                                        "orgUnit",
                                        "JB0102")
                                .andExpect(status().isCreated())
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.id")
                .toString();
        String seen = notFound("/api/evidence/" + foreign);
        String absent = notFound("/api/evidence/" + (Long.parseLong(foreign) + 1_000_000));
        assertThat(seen).isEqualTo(absent);
        // neither the file's id nor the unit that owns it (or its internal id)
        assertThat(seen).doesNotContain(foreign).doesNotContain("org unit").doesNotContain("JB0102");
    }

    private String notFound(String url) throws Exception {
        String body = api.get("qs_director", url)
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the path the caller sent comes back as "instance"; everything else must be the same
        return body.replaceAll("\"instance\":\"[^\"]*\"", "");
    }

    @Test
    void aProjectWithNothingUnderPublicityIsNotPublic() throws Exception {
        fx.passingPrimary("LKPUB1", "公示泄露测试小学");
        fx.project("T-LK-PUB", "2099-12-31", 7, "LKPUB1");
        mvc.perform(get("/api/public/projects/T-LK-PUB/publicity")).andExpect(status().isNotFound());
        mvc.perform(get("/api/public/projects/T-LK-NONE/publicity")).andExpect(status().isNotFound());
        mvc.perform(get("/public/projects/T-LK-PUB")).andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/public/projects/T-LK-PUB/objections")
                        .contentType("application/json")
                        .content("{\"evaluation\":1,\"body\":\"x\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aSchoolSeesOnlyItsOwnFileInTheQuotaProgress() throws Exception {
        fx.passingPrimary("LKQ01", "名额泄露测试一小");
        fx.passingPrimary("LKQ02", "名额泄露测试二小");
        fx.project("T-LK-Q", "2099-12-31", 7, "LKQ01", "LKQ02");
        // the sibling school moves on, so a county-wide count would differ from the school's own
        api.post(EvaluationFixtures.head("LKQ02"), fileOf("LKQ02"), transition("submit", null))
                .andExpect(status().isOk());
        api.get("qs_director", "/api/projects/T-LK-Q/quota")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.byStage.SELF").value(2));
        api.get(EvaluationFixtures.head("LKQ01"), "/api/projects/T-LK-Q/quota")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.target").isNumber())
                .andExpect(jsonPath("$.byStage.SELF").value(1));
        api.get("school_clerk", "/api/projects/T-LK-Q/quota")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.byStage.SELF").value(0));
    }

    private static String fileOf(String school) {
        return "/api/projects/T-LK-Q/evaluations/" + school + "/transitions";
    }

    @Test
    void aReadOnlyLeaderIsForbiddenAStepWithoutNamingTheRole() throws Exception {
        fx.passingPrimary("LKT01", "流转泄露测试小学");
        fx.project("T-LK-T", "2099-12-31", 7, "LKT01");
        String f = "/api/projects/T-LK-T/evaluations/LKT01/transitions";
        for (String action : new String[] {"submit", "score", "approve", "certify", "return"}) {
            api.post("city_leader", f, transition(action, "理由"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail")
                            .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("SCHOOL_HEAD"))));
        }
    }
}
