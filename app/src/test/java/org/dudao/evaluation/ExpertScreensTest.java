package org.dudao.evaluation;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.dudao.data.DataValues;
import org.dudao.org.OrgUnits;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The screens of the 专家库, the draw dialog, the sample page and the on-site check form, end to end. */
@DudaoTest
class ExpertScreensTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
        return request.with(user(users.loadUserByUsername(username))).with(csrf());
    }

    @Test
    void theOfficeKeepsExpertsDrawsAGroupSamplesAndChecksOnSite() throws Exception {
        Api api = new Api(mvc);
        EvaluationFixtures fx = new EvaluationFixtures(api, orgUnits, values);
        fx.passingPrimary("DZW01", "页面测试小学");
        fx.project("DZW-P", "2099-12-31", 7, "DZW01");
        fx.user("dzw_expert", "页面专家", "EXPERT", "JB01");

        // 专家库: a mistake is shown in Chinese next to its field, a good expert opens its page
        mvc.perform(as("city_director", post("/experts"))
                        .param("office", "JB01")
                        .param("name", "")
                        .param("field", "学校管理")
                        .param("homeUnit", "JB0190"))
                .andExpect(redirectedUrl("/experts"))
                .andExpect(flash().attribute("errors", java.util.Map.of("name", "必填")));
        String location = mvc.perform(as("city_director", post("/experts"))
                        .param("office", "JB01")
                        .param("name", "页面专家")
                        .param("field", "学校管理")
                        .param("homeUnit", "JB0190")
                        .param("username", "dzw_expert"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(as("city_director", get(location)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("页面专家"), containsString("培训记录"))));
        mvc.perform(as("city_director", get("/experts")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("页面专家")));
        mvc.perform(as("qs_director", get(location))).andExpect(status().isNotFound());

        // the draw dialog of a city group: the seed shown, the project page links to it for the city only
        String group = api.post("city_director", "/api/projects/DZW-P/groups", """
                        {"level":"CITY","name":"页面复核组","leader":"city_expert","members":[],"schools":["DZW01"]}""")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(group, "$.id")).longValue();
        String page = "/evaluation/DZW-P/groups/" + id;
        mvc.perform(as("city_director", get("/evaluation/DZW-P")))
                .andExpect(content().string(containsString("draw-group-" + id)));
        mvc.perform(as("qs_director", get("/evaluation/DZW-P")))
                .andExpect(content().string(not(containsString("draw-group-" + id))));
        mvc.perform(as("city_director", post(page + "/draw"))
                        .param("count", "1")
                        .param("seed", "777")
                        .param("field", "学校管理"))
                .andExpect(redirectedUrl(page));
        mvc.perform(as("city_director", get(page)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("777"), containsString("页面专家"))));
        mvc.perform(as("city_director", post(page + "/draw")).param("count", "x"))
                .andExpect(flash().attribute("errors", java.util.Map.of("count", "格式不正确")));
        mvc.perform(as("qs_director", get(page))).andExpect(status().isForbidden());

        // the drawn expert finds the invitation among their 待办 and answers it on their own page
        String board = api.get("city_director", "/api/projects/DZW-P/groups/" + id + "/draw")
                .andReturn()
                .getResponse()
                .getContentAsString();
        String drawn = JsonPath.read(board, "$.experts[0].username");
        long expert = ((Number) JsonPath.read(board, "$.experts[0].expert")).longValue();
        api.get(drawn, "/api/me/todos")
                .andExpect(jsonPath("$[?(@.kind == 'todo.evaluation.invitation')].link")
                        .value(org.hamcrest.Matchers.hasItem("/experts/invitations")));
        api.get(drawn, "/api/experts/invitations")
                .andExpect(jsonPath("$[?(@.group == %d)].project".formatted(id))
                        .value(org.hamcrest.Matchers.hasItem("DZW-P")));
        mvc.perform(as(drawn, get("/experts/invitations")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("页面复核组"), containsString("confirm-" + id))));
        mvc.perform(as(drawn, post("/experts/invitations"))
                        .param("project", "DZW-P")
                        .param("group", String.valueOf(id))
                        .param("expert", String.valueOf(expert))
                        .param("answer", "CONFIRM"))
                .andExpect(redirectedUrl("/experts/invitations"))
                .andExpect(flash().attribute("done", true));
        mvc.perform(as(drawn, get("/experts/invitations")))
                .andExpect(content().string(not(containsString("confirm-" + id))));
        api.get(drawn, "/api/experts/invitations")
                .andExpect(jsonPath("$[?(@.group == %d)]".formatted(id)).isEmpty());
        // answering twice is said on the page, not a stack trace
        mvc.perform(as(drawn, post("/experts/invitations"))
                        .param("project", "DZW-P")
                        .param("group", String.valueOf(id))
                        .param("expert", String.valueOf(expert))
                        .param("answer", "DECLINE"))
                .andExpect(redirectedUrl("/experts/invitations"))
                .andExpect(flash().attributeExists("failure"));

        // the sample page and the on-site check form of the sampled school
        mvc.perform(as("qs_director", post("/evaluation/DZW-P/samples"))
                        .param("level", "COUNTY")
                        .param("by", "count")
                        .param("size", "1")
                        .param("seed", "5"))
                .andExpect(redirectedUrl("/evaluation/DZW-P/samples"));
        mvc.perform(as("qs_director", get("/evaluation/DZW-P/samples")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/evaluation/DZW-P/DZW01/onsite")));
        String onsite = "/evaluation/DZW-P/DZW01/onsite";
        mvc.perform(as("qs_director", get(onsite)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("id=\"onsite-reported\">600<"), containsString("books"))));
        mvc.perform(as("qs_director", post(onsite))
                        .param("counted", "590")
                        .param("item", "books", "", "")
                        .param("value", "12000", "", "")
                        .param("reason", "账实不符", "", ""))
                .andExpect(redirectedUrl(onsite))
                .andExpect(flash().attribute("done", true));
        mvc.perform(as("qs_director", get(onsite)))
                .andExpect(content().string(allOf(containsString("账实不符"), containsString("15,600 → 12,000"))));
        mvc.perform(as("school_clerk", get(onsite))).andExpect(status().isNotFound());
    }
}
