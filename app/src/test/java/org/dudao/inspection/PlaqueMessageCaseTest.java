package org.dudao.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A message on a plaque page becomes a case (channel PLAQUE, unit the school) waiting with the office, the intake
 * step naming the inspector's office; the inspector still sees the message, now with the case's number. A robot's
 * message becomes nothing.
 */
@DudaoTest
class PlaqueMessageCaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void aPlaqueMessageBecomesACaseOfTheSchoolAndTheMessageLinksToIt() throws Exception {
        Api api = new Api(mvc);
        InspectionFixtures fx = new InspectionFixtures(api);
        fx.school("PLC01", "留言转案件小学");
        long inspector = fx.inspector("转案督学", null);
        fx.zone("PLC-Z", inspector, "PLC01");

        mvc.perform(post("/public/plaques/PLC01/messages")
                        .param("body", "学校周边小摊贩售卖三无食品")
                        .param("contact", "13712345678")
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/public/plaques/PLC01/messages")
                        .param("body", "机器人转案件广告")
                        .param("website", "http://spam.example")
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        String messages = api.get("qs_director", "/api/inspection/messages")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Integer> caseIds = JsonPath.read(messages, "$[?(@.school=='PLC01')].caseId");
        assertThat(caseIds).hasSize(1);
        int id = caseIds.get(0);
        api.get("qs_director", "/api/cases/" + id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channel").value("PLAQUE"))
                .andExpect(jsonPath("$.unit").value("PLC01"))
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.description").value("学校周边小摊贩售卖三无食品"))
                .andExpect(jsonPath("$.reporter.phone").value("13712345678"))
                .andExpect(jsonPath("$.timeline[0].action").value("intake"))
                .andExpect(jsonPath("$.timeline[0].unitName").value("青山县"));
        String cases = api.get("admin", "/api/cases?unit=PLC01")
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(cases).doesNotContain("机器人转案件广告");
        // the case is as far away as the message for another county
        api.get("dh_director", "/api/cases/" + id).andExpect(status().isNotFound());
        // and the inspection screen links the message to its case
        String page = mvc.perform(get("/inspection").with(user(users.loadUserByUsername("qs_director"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("/cases/" + id);
    }
}
