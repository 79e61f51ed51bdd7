package org.dudao.rectification;

import static org.dudao.evaluation.EvaluationFixtures.head;
import static org.dudao.evaluation.EvaluationFixtures.transition;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** A rectification report may name only the unit's own evidence files. */
@DudaoTest
class RectificationEvidenceTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    @Test
    void aReportCannotAttachAnotherUnitsEvidence() throws Exception {
        Api api = new Api(mvc);
        EvaluationFixtures fx = new EvaluationFixtures(api, orgUnits, values);
        fx.basicPrimary("RCEV01", "整改佐证小学");
        fx.project("T-RC-EV", "2099-12-31", 7, "RCEV01");
        String f = "/api/projects/T-RC-EV/evaluations/RCEV01";
        String head = head("RCEV01");
        fx.scoredByCounty("T-RC-EV", "RCEV01");
        api.post("qs_director", f + "/transitions", transition("approve", null)).andExpect(status().isOk());
        List<Integer> ids = JsonPath.read(
                api.get("qs_director", "/api/rectifications?unit=RCEV01")
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$[*].id");
        String item = "/api/rectifications/" + ids.get(0);
        api.post(
                        head,
                        item + "/plan",
                        "{\"plan\":\"扩建操场\",\"deadline\":\"%s\"}"
                                .formatted(TestClock.today().plusYears(1)))
                .andExpect(status().isOk());

        String foreign = id(api.upload(
                        "dh_director", "/api/evidence", "other.png", EvaluationFixtures.png(), "orgUnit", "JB01020101")
                .andExpect(status().isCreated()));
        String own = id(api.upload(head, "/api/evidence", "done.png", EvaluationFixtures.png(), "orgUnit", "RCEV01")
                .andExpect(status().isCreated()));

        api.post(head, item + "/report", "{\"progress\":\"已完成\",\"evidence\":[%s,%s]}".formatted(own, foreign))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("evidence"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(foreign)));
        api.post(head, item + "/report", "{\"progress\":\"已完成\",\"evidence\":[987654321]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("evidence"));
        // nothing was written
        api.get(head, item)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.evidence", empty()));

        api.post(head, item + "/report", "{\"progress\":\"已完成\",\"evidence\":[%s]}".formatted(own))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVIEW"))
                .andExpect(jsonPath("$.evidence[0]").value(Integer.parseInt(own)));
    }

    private static String id(ResultActions created) throws Exception {
        return String.valueOf(
                JsonPath.<Object>read(created.andReturn().getResponse().getContentAsString(), "$.id"));
    }
}
