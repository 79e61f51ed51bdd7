package org.dudao.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A county running two projects in one year: the dashboard shows one project (the latest by default), never the
 * two added up, and its per-township rows add up to that project's totals (issue 12, bug 2).
 */
@DudaoTest
class DashboardProjectTest {

    static final String COUNTY = "T-DPJ";
    static final int YEAR = 2031;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    Api api;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        if (jdbc.queryForObject("select count(*) from org_unit where code = ?", Integer.class, COUNTY) > 0) {
            return;
        }
        unit(COUNTY, "双项目测试县", "县", "JB01");
        unit(COUNTY + "-A", "双项目甲镇", "乡镇", COUNTY);
        unit(COUNTY + "-B", "双项目乙镇", "乡镇", COUNTY);
        for (String s : List.of("A1", "A2", "B1")) {
            api.post("admin", "/api/org-units", """
                    {"code":"%s-%s","name":"双项目%s小学","kind":"小学","parentCode":"%s-%s",
                     "enrolment":{"primary":600},"enrolmentYear":"%d"}""".formatted(COUNTY, s, s, COUNTY, s.substring(0, 1), YEAR))
                    .andExpect(status().isCreated());
        }
        api.post("admin", "/api/users", """
                {"username":"dpj_director","displayName":"双项目测试县主任","password":"%s","mustChangePassword":false,
                 "grants":[{"role":"DIRECTOR","orgUnit":"%s"}]}""".formatted(Api.PASSWORD, COUNTY)).andExpect(status().isCreated());
        project("T-DPJ-1", "双项目测试县第一批验收", 2, "A1", "A2", "B1");
        project("T-DPJ-2", "双项目测试县第二批验收", 1, "A1", "B1");
    }

    @Test
    void theDashboardShowsTheLatestProjectOfTheYearAndOffersTheOthers() throws Exception {
        String json = api.get("admin", "/api/reports/dashboard?orgUnit=" + COUNTY + "&year=" + YEAR)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.project").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.projects[*].code").value(org.hamcrest.Matchers.contains("T-DPJ-1", "T-DPJ-2")))
                .andExpect(jsonPath("$.projects[*].shown").value(org.hamcrest.Matchers.contains(false, true)))
                .andExpect(jsonPath("$.files").value(2))
                .andExpect(jsonPath("$.quota.plan").value(1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertRowsAddUp(json, 2);
    }

    @Test
    void aChosenProjectIsShownAloneWithItsOwnPlan() throws Exception {
        String json = api.get(
                        "admin", "/api/reports/dashboard?orgUnit=" + COUNTY + "&year=" + YEAR + "&project=T-DPJ-1")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.project").value("T-DPJ-1"))
                .andExpect(jsonPath("$.files").value(3))
                .andExpect(jsonPath("$.quota.plan").value(2))
                // the year's row of the quota history is both projects' plans
                .andExpect(jsonPath("$.quota.years[0].plan").value(3))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertRowsAddUp(json, 3);
        // a township sees the same project, its own part of it
        api.get("admin", "/api/reports/dashboard?orgUnit=" + COUNTY + "-A&project=T-DPJ-1")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(YEAR))
                .andExpect(jsonPath("$.files").value(2));
    }

    @Test
    void aProjectOfAnotherYearOrUnitIsRefusedByName() throws Exception {
        api.get("admin", "/api/reports/dashboard?orgUnit=" + COUNTY + "&year=" + (YEAR - 1) + "&project=T-DPJ-1")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("project"));
        // 东湖区 does not take part in 双项目测试县's projects
        api.get("admin", "/api/reports/dashboard?orgUnit=JB0102&project=T-DPJ-1")
                .andExpect(status().isNotFound());
        // a year without projects shows an empty dashboard, not another year's figures
        api.get("admin", "/api/reports/dashboard?orgUnit=" + COUNTY + "&year=" + (YEAR + 1))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.projects").isEmpty())
                .andExpect(jsonPath("$.files").value(0));
    }

    @Test
    void theScreenOffersTheProjectsAndItsExportKeepsTheChoice() throws Exception {
        mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                        "/reports/dashboard?orgUnit=" + COUNTY + "&year=" + YEAR + "&project=T-DPJ-1")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(
                                        users.loadUserByUsername("dpj_director"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("双项目测试县第二批验收")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("双项目测试县第一批验收：参评学校 3 所")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("project=T-DPJ-1")));
        var xlsx = api.get("admin", "/api/reports/dashboard.xlsx?orgUnit=" + COUNTY + "&project=T-DPJ-1")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            double files = 0;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                files += sheet.getRow(r).getCell(1).getNumericCellValue();
            }
            assertThat(files).isEqualTo(3);
        }
    }

    private static void assertRowsAddUp(String json, int files) {
        List<Integer> rows = JsonPath.read(json, "$.units[*].files");
        assertThat(rows.stream().mapToInt(Integer::intValue).sum()).isEqualTo(files);
        List<Integer> plans = JsonPath.read(json, "$.units[*].plan");
        assertThat(plans).allMatch(p -> p >= 0);
    }

    private void project(String code, String name, int quota, String... schools) throws Exception {
        api.post("admin", "/api/projects", """
                {"code":"%s","name":"%s","year":%d,"scheme":"YWBZH","orgUnit":"%s","deadline":"2099-12-31",
                 "publicityDays":0,"quotaPrimary":%d,"quotaSecondary":0,"schools":[%s]}""".formatted(
                                code,
                                name,
                                YEAR,
                                COUNTY,
                                quota,
                                String.join(
                                        ",",
                                        java.util.Arrays.stream(schools)
                                                .map(s -> "\"" + COUNTY + "-" + s + "\"")
                                                .toList())))
                .andExpect(status().isCreated());
    }

    private void unit(String code, String name, String kind, String parent) throws Exception {
        api.post("admin", "/api/org-units", """
                {"code":"%s","name":"%s","kind":"%s","parentCode":"%s"}""".formatted(code, name, kind, parent))
                .andExpect(status().isCreated());
    }
}
