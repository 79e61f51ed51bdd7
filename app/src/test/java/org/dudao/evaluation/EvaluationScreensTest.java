package org.dudao.evaluation;

import static org.dudao.evaluation.EvaluationFixtures.head;
import static org.dudao.evaluation.EvaluationFixtures.transition;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.dudao.data.DataValues;
import org.dudao.org.OrgUnits;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The setting-up screens answer bad input with Chinese messages next to the fields, and only to managers. */
@DudaoTest
class EvaluationScreensTest {

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
    void theCreationScreenProposesCandidatesAndQuotaAndExplainsMistakes() throws Exception {
        mvc.perform(as("qs_director", get("/evaluation/new")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"quota-rule\""),
                                containsString("school-JB01010101"),
                                containsString("value=\"JB0101\""))));
        mvc.perform(as("school_clerk", get("/evaluation/new"))).andExpect(status().isForbidden());
        mvc.perform(as("qs_director", get("/evaluation/new/draft").param("orgUnit", "JB0102")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不在您的管理范围内")));

        mvc.perform(as("qs_director", post("/evaluation/new"))
                        .param("code", "")
                        .param("name", "x")
                        .param("year", "20x6")
                        .param("scheme", "YWBZH")
                        .param("orgUnit", "JB0101")
                        .param("deadline", "2099-11-25")
                        .param("countyDeadline", "2099-11-01")
                        .param("schoolsListed", "true")
                        .param("schools", "JB01010101"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("格式不正确")));
        mvc.perform(as("qs_director", post("/evaluation/new"))
                        .param("code", "")
                        .param("name", "x")
                        .param("year", "2026")
                        .param("scheme", "YWBZH")
                        .param("orgUnit", "JB0101"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("必填")));
        mvc.perform(as("qs_director", post("/evaluation/new"))
                        .param("code", "T-SCR-1")
                        .param("name", "x")
                        .param("year", String.valueOf(EvaluationFixtures.YEAR))
                        .param("scheme", "YWBZH")
                        .param("orgUnit", "JB0101")
                        .param("deadline", "2099-11-25")
                        .param("countyDeadline", "2099-11-01")
                        .param("schoolsListed", "true")
                        .param("schools", "JB01010101"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("初评截止日期不能早于自评申请截止日期")));
        mvc.perform(as("qs_director", post("/evaluation/new"))
                        .param("code", "T-SCR-1")
                        .param("name", "屏幕测试")
                        .param("year", String.valueOf(EvaluationFixtures.YEAR))
                        .param("scheme", "YWBZH")
                        .param("orgUnit", "JB0101")
                        .param("deadline", "2099-11-25")
                        .param("schoolsListed", "true"))
                .andExpect(redirectedUrl("/evaluation/T-SCR-1"));
        // nothing ticked: a project without schools, not every school of the county
        new Api(mvc)
                .get("qs_director", "/api/projects/T-SCR-1")
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.schools")
                        .value(0));
    }

    @Test
    void groupAndSelfEvaluationFormsShowTheirErrorsInPlace() throws Exception {
        EvaluationFixtures fx = new EvaluationFixtures(new Api(mvc), orgUnits, values);
        fx.passingPrimary("EVSC01", "屏幕测试小学");
        fx.project("T-SCR-2", "2099-12-31", 7, "EVSC01");
        mvc.perform(as("qs_director", get("/evaluation/T-SCR-2")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"group-form\""),
                                containsString("value=\"qs_expert\""),
                                not(containsString("value=\"city_expert\"")))));
        mvc.perform(as("qs_director", post("/evaluation/T-SCR-2/groups"))
                        .param("level", "COUNTY")
                        .param("name", "一组")
                        .param("leader", "cg_clerk")
                        .param("schools", "EVSC01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"error-leader\"")));
        mvc.perform(as("qs_director", post("/evaluation/T-SCR-2/quota"))
                        .param("primary", "-1")
                        .param("secondary", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("应在 0 到")));

        String file = "/evaluation/T-SCR-2/EVSC01";
        mvc.perform(as(head("EVSC01"), post(file + "/self"))
                        .header("HX-Request", "true")
                        .param("score.D2", "80")
                        .param("score.C3", "x"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"self-eval\""),
                                containsString("格式不正确"),
                                not(containsString("<html")))));
        mvc.perform(as(head("EVSC01"), post(file + "/self"))
                        .header("HX-Request", "true")
                        .param("score.D2", "80"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"error-D2\""), containsString("低于满分时必须填写扣分理由"))));
        mvc.perform(as(head("EVSC01"), post(file + "/self"))
                        .header("HX-Request", "true")
                        .param("score.D2", "80")
                        .param("reason.D2", "特色不够"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"self-saved\""), containsString("总分 730"))));
        // only the school self-scores
        mvc.perform(as("cg_clerk", post(file + "/self")).param("score.D2", "100"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anExpertUploadingAPhotoKeepsTheScoresTypedSoFar() throws Exception {
        Api api = new Api(mvc);
        EvaluationFixtures fx = new EvaluationFixtures(api, orgUnits, values);
        fx.passingPrimary("EVSC03", "照片屏幕测试小学");
        fx.project("T-SCR-PH", "2099-12-31", 7, "EVSC03");
        String file = "/evaluation/T-SCR-PH/EVSC03";
        String api0 = "/api/projects/T-SCR-PH/evaluations/EVSC03";
        api.post(head("EVSC03"), api0 + "/transitions", transition("submit", null));
        api.post("cg_clerk", api0 + "/transitions", transition("submit", null));
        api.post("qs_director", "/api/projects/T-SCR-PH/groups", """
                {"level":"COUNTY","name":"照片屏幕组","leader":"qs_expert","schools":["EVSC03"]}""");
        // the upload button sits in the sheet form and submits it, with what was typed, to the photo address
        mvc.perform(as("qs_expert", get(file)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"photo-upload\" formenctype=\"multipart/form-data\""),
                                containsString("formaction=\"" + file + "/photos\""))));
        var upload = mvc.perform(as(
                                "qs_expert",
                                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                                file + "/photos")
                                        .file(new org.springframework.mock.web.MockMultipartFile(
                                                "file", "track.png", "image/png", EvaluationFixtures.png())))
                        .param("score.D2", "77")
                        .param("reason.D2", "跑道破损")
                        .param("comment", "现场查看中"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        // the redirect shows the sheet again from the session's flash, unsaved: the typed score, reason and
        // comment, and the new photo ticked (sessions live in the database: follow the session cookie)
        String page = mvc.perform(
                        as("qs_expert", get(file)).cookie(upload.getResponse().getCookie("SESSION")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(page)
                .contains("value=\"77\"")
                .contains("跑道破损")
                .contains("现场查看中")
                .containsPattern("name=\"evidence\" value=\"\\d+\" id=\"evidence-\\d+\" checked");
    }

    @Test
    void theHeadWithdrawsHisSignatureWhereTheTownshipReturnsTheFile() throws Exception {
        Api api = new Api(mvc);
        EvaluationFixtures fx = new EvaluationFixtures(api, orgUnits, values);
        fx.passingPrimary("EVSC02", "撤回测试小学");
        fx.project("T-SCR-3", "2099-12-31", 7, "EVSC02");
        api.post(head("EVSC02"), "/api/projects/T-SCR-3/evaluations/EVSC02/transitions", transition("submit", null))
                .andExpect(status().isOk());

        String signed = com.jayway.jsonpath.JsonPath.read(
                api.get(head("EVSC02"), "/api/projects/T-SCR-3/evaluations/EVSC02")
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.steps[0].at");
        // the step stored in UTC, shown in China time
        String shown = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(java.time.Instant.parse(signed).atZone(java.time.ZoneId.of("Asia/Shanghai")));

        mvc.perform(as(head("EVSC02"), get("/evaluation/T-SCR-3/EVSC02")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("id=\"action-return\">撤回</button>"), containsString(shown))));
        mvc.perform(as("cg_clerk", get("/evaluation/T-SCR-3/EVSC02")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"action-return\">退回</button>")));
    }

    @Test
    void theProjectPageFiltersRanksAndExportsItsFiles() throws Exception {
        new EvaluationFixtures(new Api(mvc), orgUnits, values)
                .project("T-SCR-F", "2099-12-31", 7, "JB01010101", "JB01010201");
        mvc.perform(as("qs_director", get("/evaluation/T-SCR-F").param("under", "JB010102")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("file-JB01010201"),
                                not(containsString("file-JB01010101")),
                                containsString("共 1 所"),
                                containsString("results.xlsx?under=JB010102"))));
        mvc.perform(as("qs_director", get("/evaluation/T-SCR-F").param("stage", "NOPE")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"filter-error\""),
                                containsString("file-JB01010101"),
                                containsString("file-JB01010201"))));
        mvc.perform(as("qs_director", get("/evaluation/T-SCR-F/results.xlsx").param("under", "JB010102")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        mvc.perform(as("qs_director", get("/evaluation/T-SCR-F/results.xlsx").param("under", "JB010201")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theOwnerIssuesTheDataCollectionAndTheSchoolIsLedToItsForm() throws Exception {
        new EvaluationFixtures(new Api(mvc), orgUnits, values).project("T-SCR-C", "2099-12-31", 7, "JB01010101");
        mvc.perform(as("qs_director", get("/evaluation/T-SCR-C")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"collection-issue\""),
                                not(containsString("id=\"collection-task\"")))));
        mvc.perform(as("school_clerk", get("/evaluation/T-SCR-C/JB01010101")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"collection-form\""))));
        mvc.perform(as("school_clerk", post("/evaluation/T-SCR-C/collection"))).andExpect(status().isForbidden());
        mvc.perform(as("qs_director", post("/evaluation/T-SCR-C/collection")))
                .andExpect(redirectedUrl("/evaluation/T-SCR-C"));
        mvc.perform(as("qs_director", get("/evaluation/T-SCR-C")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"collection-task\""),
                                not(containsString("id=\"collection-issue\"")))));
        mvc.perform(as("school_clerk", get("/evaluation/T-SCR-C/JB01010101")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("id=\"collection-form\""), containsString("/units/JB01010101"))));
        // a second issue is refused with the reason on top of the page
        mvc.perform(as("qs_director", post("/evaluation/T-SCR-C/collection")))
                .andExpect(redirectedUrl("/evaluation/T-SCR-C"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("error", containsString("已发布")));
    }
}
