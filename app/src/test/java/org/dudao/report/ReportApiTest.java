package org.dudao.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.report.ReportFixtures.COUNTY;
import static org.dudao.report.ReportFixtures.DIRECTOR;
import static org.dudao.report.ReportFixtures.PROJECT;
import static org.dudao.report.ReportFixtures.YEAR;
import static org.dudao.report.ReportFixtures.s;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.data.DataValues;
import org.dudao.org.OrgUnits;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.dudao.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Dashboard and 目标考核 figures of a county built through the real workflow, their Excel files and scope. */
@DudaoTest
class ReportApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        new ReportFixtures(api, orgUnits, values, jdbc).build();
    }

    private String dashboard(String user, String unit) {
        return "/api/reports/dashboard?orgUnit=" + unit + "&year=" + YEAR;
    }

    @Test
    void theRowsPerUnitAddUpWithTheSchoolsDirectlyUnderTheCounty() throws Exception {
        // 青山县's demo project (of this year) includes 实验小学 and the county's middle schools, under no township
        String json = api.get("qs_director", "/api/reports/dashboard?orgUnit=JB0101&project=QS-BZH-" + TestClock.year())
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int files = com.jayway.jsonpath.JsonPath.read(json, "$.files");
        List<Integer> rows = com.jayway.jsonpath.JsonPath.read(json, "$.units[*].files");
        List<String> direct = com.jayway.jsonpath.JsonPath.read(json, "$.units[?(@.orgUnit=='JB0101')].name");

        assertThat(files).isPositive();
        assertThat(rows.stream().mapToInt(Integer::intValue).sum()).isEqualTo(files);
        assertThat(direct).containsExactly("青山县直属单位");
    }

    @Test
    void theCountyDashboardCountsFilesGradesQuotaVetoesAndAgeing() throws Exception {
        api.get(DIRECTOR, dashboard(DIRECTOR, COUNTY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orgUnit").value(COUNTY))
                .andExpect(jsonPath("$.year").value(YEAR))
                .andExpect(jsonPath("$.files").value(6))
                .andExpect(jsonPath("$.stages[?(@.key=='SELF')].count").value(1))
                .andExpect(jsonPath("$.stages[?(@.key=='COUNTY')].count").value(0))
                .andExpect(jsonPath("$.stages[?(@.key=='CITY')].count").value(1))
                .andExpect(jsonPath("$.stages[?(@.key=='CERTIFIED')].count").value(3))
                .andExpect(jsonPath("$.stages[?(@.key=='CERTIFIED')].label").value("已授牌"))
                .andExpect(jsonPath("$.stages[?(@.key=='RESULT')].count").value(1))
                .andExpect(jsonPath("$.states[?(@.state=='SELF_DRAFT')].count").value(1))
                .andExpect(
                        jsonPath("$.states[?(@.state=='CITY_SCORING')].status").value("专家评分中"))
                .andExpect(jsonPath("$.states[?(@.state=='CLOSED')].count").value(1))
                // graded by the experts: four 达标 (three awarded, one at the city), one capped by the veto
                .andExpect(jsonPath("$.grades[0].key").value("达标"))
                .andExpect(jsonPath("$.grades[0].count").value(4))
                .andExpect(jsonPath("$.grades[1].key").value("不达标"))
                .andExpect(jsonPath("$.grades[1].count").value(1))
                .andExpect(jsonPath("$.grades[2].key").value("NONE"))
                .andExpect(jsonPath("$.grades[2].label").value("未评"))
                .andExpect(jsonPath("$.grades[2].count").value(1))
                .andExpect(jsonPath("$.quota.plan").value(4))
                .andExpect(jsonPath("$.quota.awarded").value(3))
                .andExpect(jsonPath("$.quota.years", hasSize(1)))
                .andExpect(jsonPath("$.vetoes", hasSize(1)))
                .andExpect(jsonPath("$.vetoes[0].key").value("D级危房在用"))
                .andExpect(jsonPath("$.vetoes[0].count").value(1))
                // items: [0] 100 days and overdue, [3] 400 days, [4] fresh; [1] and [2] are closed
                .andExpect(jsonPath("$.rectification.open").value(3))
                .andExpect(jsonPath("$.rectification.overdue").value(1))
                .andExpect(
                        jsonPath("$.rectification.ages[*].count").value(org.hamcrest.Matchers.contains(1, 0, 1, 0, 1)))
                .andExpect(jsonPath("$.rectification.ages[0].label").value("30天以内"))
                .andExpect(jsonPath("$.units", hasSize(2)))
                .andExpect(jsonPath("$.units[0].orgUnit").value(s("A")))
                .andExpect(jsonPath("$.units[0].files").value(4))
                .andExpect(jsonPath("$.units[0].byStage.CERTIFIED").value(2))
                .andExpect(jsonPath("$.units[0].byStage.RESULT").value(1))
                .andExpect(jsonPath("$.units[0].plan").value(1)) // ceil(5% of 4 schools)
                .andExpect(jsonPath("$.units[0].awarded").value(2))
                .andExpect(jsonPath("$.units[0].openItems").value(3))
                .andExpect(jsonPath("$.units[0].overdueItems").value(1))
                .andExpect(jsonPath("$.units[1].orgUnit").value(s("B")))
                .andExpect(jsonPath("$.units[1].byStage.CITY").value(1))
                .andExpect(jsonPath("$.units[1].awarded").value(1))
                .andExpect(jsonPath("$.units[1].openItems").value(0));

        // the township of the four schools: its own plan is its 5% target; no units below it to break down
        api.get(DIRECTOR, dashboard(DIRECTOR, s("A")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.files").value(4))
                .andExpect(jsonPath("$.quota.plan").value(1))
                .andExpect(jsonPath("$.quota.awarded").value(2))
                .andExpect(jsonPath("$.units", hasSize(0)));

        // the city: one row per county, ours with exactly our figures
        api.get("city_director", dashboard("city_director", "JB01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units[?(@.orgUnit=='" + COUNTY + "')].files")
                        .value(6))
                .andExpect(
                        jsonPath("$.units[?(@.orgUnit=='" + COUNTY + "')].plan").value(4))
                .andExpect(jsonPath("$.units[?(@.orgUnit=='" + COUNTY + "')].awarded")
                        .value(3))
                .andExpect(jsonPath("$.units[?(@.orgUnit=='" + COUNTY + "')].overdueItems")
                        .value(1))
                .andExpect(jsonPath("$.units[?(@.orgUnit=='JB0101')]").exists());

        // another year has none of it
        api.get(DIRECTOR, "/api/reports/dashboard?orgUnit=" + COUNTY + "&year=" + (YEAR - 1))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.files").value(0))
                .andExpect(jsonPath("$.quota.plan").value(0))
                .andExpect(jsonPath("$.grades[0].key").value("NONE"));
        // defaults: the caller's own unit and this year
        api.get(DIRECTOR, "/api/reports/dashboard")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orgUnit").value(COUNTY))
                .andExpect(jsonPath("$.year").value(TestClock.year()));
        api.get("admin", "/api/reports/dashboard")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orgUnit").value("JB"));
    }

    @Test
    void theAssessmentScoresTownshipsAndCountiesAndOwnersEditTargets() throws Exception {
        String url = "/api/reports/assessment?orgUnit=" + COUNTY + "&year=" + YEAR;
        // 甲镇: target ceil(5% × 4) = 1, passed 2 → 10; two items late (one still open, one closed late) → −10
        // 乙镇: target 1, passed 1 → 10
        api.get(DIRECTOR, url)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deductionPerItem").value(5))
                .andExpect(jsonPath("$.rows", hasSize(2)))
                .andExpect(jsonPath("$.rows[0].orgUnit").value(s("A")))
                .andExpect(jsonPath("$.rows[0].target").value(1))
                .andExpect(jsonPath("$.rows[0].passed").value(2))
                .andExpect(jsonPath("$.rows[0].weight").value(10))
                .andExpect(jsonPath("$.rows[0].completion").value(10.0))
                .andExpect(jsonPath("$.rows[0].lateItems").value(2))
                .andExpect(jsonPath("$.rows[0].deduction").value(10))
                .andExpect(jsonPath("$.rows[0].score").value(0.0))
                .andExpect(jsonPath("$.rows[0].lines[0].project").value(PROJECT))
                .andExpect(jsonPath("$.rows[0].lines[0].targetSet").value(false))
                .andExpect(jsonPath("$.rows[1].orgUnit").value(s("B")))
                .andExpect(jsonPath("$.rows[1].lateItems").value(0))
                .andExpect(jsonPath("$.rows[1].score").value(10.0))
                .andExpect(jsonPath("$.projects[0].code").value(PROJECT))
                .andExpect(jsonPath("$.projects[0].editable").value(true));

        String target = "/api/reports/assessment/" + PROJECT + "/targets/";
        try {
            api.put(DIRECTOR, target + s("A"), "{\"target\":3,\"weight\":20}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.target").value(3))
                    .andExpect(jsonPath("$.targetSet").value(true))
                    .andExpect(jsonPath("$.completion").value(13.33));
            // 20 × 2/3 − 10 = 3.33
            api.get(DIRECTOR, url)
                    .andExpect(jsonPath("$.rows[0].target").value(3))
                    .andExpect(jsonPath("$.rows[0].weight").value(20.0))
                    .andExpect(jsonPath("$.rows[0].completion").value(13.33))
                    .andExpect(jsonPath("$.rows[0].score").value(3.33));
            assertThat(jdbc.queryForObject(
                            "select count(*) from audit_log where entity_type = 'AssessmentTarget'", Integer.class))
                    .isPositive();

            // the city assesses its counties: ours against the project's quota 4 with 3 awarded, less 10
            String city = "/api/reports/assessment?orgUnit=JB01&year=" + YEAR;
            api.get("city_director", city)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.rows[?(@.orgUnit=='" + COUNTY + "')].target")
                            .value(4))
                    .andExpect(jsonPath("$.rows[?(@.orgUnit=='" + COUNTY + "')].completion")
                            .value(7.5))
                    .andExpect(jsonPath("$.rows[?(@.orgUnit=='" + COUNTY + "')].score")
                            .value(0.0));
            api.put("city_director", target + COUNTY, "{\"target\":3}").andExpect(status().isOk());
            api.get("city_leader", city)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.rows[?(@.orgUnit=='" + COUNTY + "')].target")
                            .value(3))
                    .andExpect(jsonPath("$.rows[?(@.orgUnit=='" + COUNTY + "')].score")
                            .value(0.0))
                    .andExpect(jsonPath("$.projects[?(@.code=='" + PROJECT + "')].editable")
                            .value(false));
        } finally {
            // back to the defaults, also when an assertion above failed: the pages tests read these rows too
            api.put(DIRECTOR, target + s("A"), "{}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.target").value(1))
                    .andExpect(jsonPath("$.targetSet").value(false))
                    .andExpect(jsonPath("$.weight").value(10));
            api.put(DIRECTOR, target + COUNTY, "{\"target\":null,\"weight\":null}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.target").value(4));
        }

        // a township sees its own row
        api.get("admin", "/api/reports/assessment?orgUnit=" + s("B") + "&year=" + YEAR)
                .andExpect(jsonPath("$.rows", hasSize(1)))
                .andExpect(jsonPath("$.rows[0].orgUnit").value(s("B")));
    }

    @Test
    void targetEditsAreValidatedAndNeedTheProjectOwner() throws Exception {
        String target = "/api/reports/assessment/" + PROJECT + "/targets/";
        api.put(DIRECTOR, target + s("A"), "{\"target\":-1,\"weight\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='target')].message").value("应在 0 到 100,000 之间"))
                .andExpect(jsonPath("$.errors[?(@.field=='weight')]").exists());
        api.put(DIRECTOR, target + s("A"), "{\"weight\":1.234}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("weight"))
                .andExpect(jsonPath("$.errors[0].message").value("权重最多保留两位小数"));
        api.put(DIRECTOR, target + s("A"), "{\"weight\":101}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("weight"));
        // a school, and a township of another county, are not units of the project
        api.put(DIRECTOR, target + s("A1"), "{\"target\":1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("orgUnit"));
        api.put("city_director", target + "JB010101", "{\"target\":1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("orgUnit"));
        api.put(DIRECTOR, target + "JB010101", "{\"target\":1}").andExpect(status().isNotFound());
        // readers who do not manage the project, and strangers
        api.put("city_leader", target + s("A"), "{\"target\":1}").andExpect(status().isForbidden());
        api.put("dh_director", target + s("A"), "{\"target\":1}").andExpect(status().isNotFound());
        api.put("qs_director", "/api/reports/assessment/NO-SUCH/targets/JB010101", "{\"target\":1}")
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject(
                        "select count(*) from assessment_target t join org_unit o "
                                + "on o.id = t.org_unit_id where o.code = ?",
                        Integer.class,
                        s("A1")))
                .isZero();
    }

    @Test
    void reportsAreScopedAndForOfficesAndLeaders() throws Exception {
        for (String path : List.of("dashboard", "dashboard.xlsx", "assessment", "assessment.xlsx")) {
            String url = "/api/reports/" + path + "?orgUnit=" + COUNTY;
            api.get("dh_director", url).andExpect(status().isNotFound());
            api.get("qs_director", url).andExpect(status().isNotFound());
            api.get("school_clerk", url).andExpect(status().isNotFound());
            api.get("city_leader", url).andExpect(status().isOk());
            // a school's own people have their evaluation file, not reports
            api.get("school_clerk", "/api/reports/" + path).andExpect(status().isForbidden());
            api.get("school_head", "/api/reports/" + path + "?orgUnit=JB01010101")
                    .andExpect(status().isForbidden());
            api.get("cg_clerk", "/api/reports/" + path + "?orgUnit=JB010101").andExpect(status().isForbidden());
        }
        api.get("cg_inspector", "/api/reports/dashboard?orgUnit=JB010101")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("城关镇"));
        api.get("cg_inspector", "/api/reports/dashboard?orgUnit=JB0101").andExpect(status().isNotFound());
        api.get(DIRECTOR, "/api/reports/dashboard?orgUnit=" + s("A1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("orgUnit"));
        api.get(DIRECTOR, "/api/reports/assessment?year=1999")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
    }

    @Test
    void everyTableExportsToExcelWithChineseHeaders() throws Exception {
        var response = api.get(DIRECTOR, "/api/reports/dashboard.xlsx?orgUnit=" + COUNTY + "&year=" + YEAR)
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("spreadsheetml")))
                .andExpect(header().string("Content-Disposition", containsString("UTF-8''")))
                .andReturn()
                .getResponse();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            List<String> names = new ArrayList<>();
            wb.forEach(sh -> names.add(sh.getSheetName()));
            assertThat(names).containsExactly("评估阶段", "评估状态", "评估等级", "计划完成", "否决项", "整改账龄", "分单位统计");
            Sheet stages = wb.getSheet("评估阶段");
            assertThat(texts(stages.getRow(0))).containsExactly("阶段", "学校数");
            assertThat(find(stages, "已授牌").getCell(1).getNumericCellValue()).isEqualTo(3.0);
            assertThat(find(wb.getSheet("否决项"), "D级危房在用").getCell(1).getNumericCellValue())
                    .isEqualTo(1.0);
            Sheet quota = wb.getSheet("计划完成");
            assertThat(texts(quota.getRow(0))).containsExactly("年度", "计划", "已授牌", "完成率");
            assertThat(quota.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(YEAR);
            // a number Excel can sum, shown as 75.0%
            assertThat(quota.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(0.75);
            assertThat(quota.getRow(1).getCell(3).getCellStyle().getDataFormatString())
                    .isEqualTo("0.0%");
            assertThat(find(wb.getSheet("整改账龄"), "其中逾期").getCell(1).getNumericCellValue())
                    .isEqualTo(1.0);
            Sheet units = wb.getSheet("分单位统计");
            assertThat(texts(units.getRow(0)))
                    .startsWith("单位代码", "单位", "学校数", "学校自评", "县级初评")
                    .doesNotHaveDuplicates();
            Row a = find(units, s("A"));
            assertThat(a.getCell(1).getStringCellValue()).isEqualTo("报表甲镇");
            assertThat(a.getCell(2).getNumericCellValue()).isEqualTo(4.0);
        }

        response = api.get(DIRECTOR, "/api/reports/assessment.xlsx?orgUnit=" + COUNTY + "&year=" + YEAR)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            Sheet sheet = wb.getSheet("目标考核");
            assertThat(texts(sheet.getRow(0)))
                    .containsExactly("单位代码", "单位", "目标", "已授牌", "权重", "完成得分", "逾期整改项", "通报批评", "扣分", "考核得分");
            Row b = find(sheet, s("B"));
            assertThat(b.getCell(2).getNumericCellValue()).isEqualTo(1.0);
            assertThat(b.getCell(3).getNumericCellValue()).isEqualTo(1.0);
            assertThat(b.getCell(9).getNumericCellValue()).isEqualTo(10.0);
            Row a = find(sheet, s("A"));
            assertThat(a.getCell(6).getNumericCellValue()).isEqualTo(2.0);
            Sheet lines = wb.getSheet("考核明细");
            assertThat(find(lines, PROJECT).getCell(1).getStringCellValue()).startsWith(COUNTY);
        }
    }

    private static List<String> texts(Row row) {
        List<String> list = new ArrayList<>();
        row.forEach(c -> list.add(c.getStringCellValue()));
        return list;
    }

    /** The first row whose first cell holds {@code text}. */
    private static Row find(Sheet sheet, String text) {
        for (Row row : sheet) {
            Cell c = row.getCell(0);
            if (c != null
                    && c.getCellType() == CellType.STRING
                    && c.getStringCellValue().equals(text)) {
                return row;
            }
        }
        throw new AssertionError("no row " + text + " in " + sheet.getSheetName());
    }
}
