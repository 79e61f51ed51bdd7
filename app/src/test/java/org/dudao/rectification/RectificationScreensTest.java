package org.dudao.rectification;

import static org.dudao.evaluation.EvaluationFixtures.head;
import static org.dudao.evaluation.EvaluationFixtures.transition;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.dudao.data.DataValues;
import org.dudao.evaluation.EvaluationFixtures;
import org.dudao.org.OrgUnits;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.dudao.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The item list offers each user only the steps that will pass: the unit works, the county office reviews. */
@DudaoTest
class RectificationScreensTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    @Test
    void theSchoolSeesItsOwnStepsAndTheDirectorOnlyTheReview() throws Exception {
        Api api = new Api(mvc);
        EvaluationFixtures fx = new EvaluationFixtures(api, orgUnits, values);
        fx.basicPrimary("RCSC01", "整改按钮小学");
        fx.project("T-RC-SC", "2099-12-31", 7, "RCSC01");
        fx.scoredByCounty("T-RC-SC", "RCSC01");
        api.post("qs_director", "/api/projects/T-RC-SC/evaluations/RCSC01/transitions", transition("approve", null))
                .andExpect(status().isOk());
        List<Integer> ids = JsonPath.read(
                api.get("qs_director", "/api/rectifications?unit=RCSC01")
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$[*].id");
        String planned = "plan-" + ids.get(0);

        // requirements in the unit's words: whole computers, with their unit
        page(head("RCSC01"))
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"" + planned + "\""), containsString("还需增加计算机台数 15 台，生均达到 0.12"))));
        page("qs_director").andExpect(content().string(not(containsString("id=\"" + planned + "\""))));

        String item = "/api/rectifications/" + ids.get(0);
        api.post(
                        head("RCSC01"),
                        item + "/plan",
                        "{\"plan\":\"补齐\",\"deadline\":\"%s\"}"
                                .formatted(TestClock.today().plusYears(1)))
                .andExpect(status().isOk());
        api.post(head("RCSC01"), item + "/report", "{\"progress\":\"已完成\"}").andExpect(status().isOk());

        String close = "close-" + ids.get(0);
        page(head("RCSC01"))
                .andExpect(content()
                        .string(allOf(
                                not(containsString("id=\"" + close + "\"")),
                                not(containsString("id=\"reject-" + ids.get(0) + "\"")))));
        page("qs_director").andExpect(content().string(containsString("id=\"" + close + "\"")));
    }

    private ResultActions page(String username) throws Exception {
        return mvc.perform(get("/rectification?unit=RCSC01")
                        .with(user(users.loadUserByUsername(username)))
                        .with(csrf()))
                .andExpect(status().isOk());
    }
}
