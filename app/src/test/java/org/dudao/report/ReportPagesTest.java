package org.dudao.report;

import static org.dudao.report.ReportFixtures.COUNTY;
import static org.dudao.report.ReportFixtures.DIRECTOR;
import static org.dudao.report.ReportFixtures.PROJECT;
import static org.dudao.report.ReportFixtures.s;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.dudao.data.DataValues;
import org.dudao.org.OrgUnits;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The report screens: charts and tables render, the menu shows them to readers only, the target form. */
@DudaoTest
class ReportPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() throws Exception {
        new ReportFixtures(new Api(mvc), orgUnits, values, jdbc).build();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void theDashboardRendersChartsAndTablesForTheUsersOwnUnit() throws Exception {
        mvc.perform(get("/reports/dashboard").with(as(DIRECTOR)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("报表测试县"),
                                containsString("id=\"chart-stages\""),
                                containsString("/dist/echarts.min.js"),
                                containsString("/js/report.js"),
                                containsString("D级危房在用"),
                                containsString("报表甲镇"),
                                containsString("统计报表"),
                                containsString("dashboard.xlsx?orgUnit=" + COUNTY))));
        mvc.perform(get("/webjars/echarts/dist/echarts.min.js").with(as(DIRECTOR)))
                .andExpect(status().isOk());
        mvc.perform(get("/reports/dashboard").param("orgUnit", s("A1")).with(as(DIRECTOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("统计报表只针对")));
        mvc.perform(get("/reports/dashboard").param("orgUnit", COUNTY).with(as("dh_director")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("报表测试县"))));
        mvc.perform(get("/reports/dashboard").with(as("school_clerk"))).andExpect(status().isForbidden());
        mvc.perform(get("/").with(as("school_clerk"))).andExpect(content().string(not(containsString("统计看板"))));
        mvc.perform(get("/reports/dashboard.xlsx").param("orgUnit", COUNTY).with(as("city_leader")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")));
        mvc.perform(get("/reports/dashboard.xlsx").param("orgUnit", s("A1")).with(as(DIRECTOR)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/reports/dashboard").param("lang", "en").with(as(DIRECTOR)))
                .andExpect(content().string(containsString("Schools per stage")));
    }

    @Test
    void theAssessmentPageShowsTheTableAndTheTargetFormWithErrorsNextToTheFields() throws Exception {
        mvc.perform(get("/reports/assessment").with(as(DIRECTOR)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"assessment-table\""),
                                containsString("报表甲镇"),
                                containsString("id=\"target-form\""),
                                containsString("assessment.xlsx?orgUnit=" + COUNTY))));
        mvc.perform(get("/reports/assessment").with(as("city_leader")).param("orgUnit", COUNTY))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"target-form\""))));
        mvc.perform(post("/reports/assessment/targets")
                        .with(as(DIRECTOR))
                        .with(csrf())
                        .param("project", PROJECT)
                        .param("unit", s("B"))
                        .param("target", "x")
                        .param("weight", "0")
                        .param("orgUnit", COUNTY))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("格式不正确"), containsString("is-invalid"))));
        mvc.perform(post("/reports/assessment/targets")
                        .with(as(DIRECTOR))
                        .with(csrf())
                        .param("project", PROJECT)
                        .param("unit", s("B"))
                        .param("target", "2")
                        .param("weight", "0")
                        .param("orgUnit", COUNTY))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("权重应大于 0")));
        mvc.perform(post("/reports/assessment/targets")
                        .with(as(DIRECTOR))
                        .with(csrf())
                        .param("project", PROJECT)
                        .param("unit", s("B"))
                        .param("target", "")
                        .param("weight", "")
                        .param("orgUnit", COUNTY)
                        .param("year", String.valueOf(ReportFixtures.YEAR)))
                .andExpect(redirectedUrl("/reports/assessment?orgUnit=" + COUNTY + "&year=" + ReportFixtures.YEAR));
        mvc.perform(post("/reports/assessment/targets")
                        .with(as("city_leader"))
                        .with(csrf())
                        .param("project", PROJECT)
                        .param("unit", s("B"))
                        .param("target", "2"))
                .andExpect(status().isForbidden());
    }
}
