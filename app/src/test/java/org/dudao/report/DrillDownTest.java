package org.dudao.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.report.ReportFixtures.COUNTY;
import static org.dudao.report.ReportFixtures.DIRECTOR;
import static org.dudao.report.ReportFixtures.PROJECT;
import static org.dudao.report.ReportFixtures.s;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.data.DataValues;
import org.dudao.org.OrgUnits;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Dashboard numbers lead to the list behind them: every number that is a link opens a list of exactly that many
 * rows (files of the project, rectification items); the lists take the filters through the API as well, and the
 * rectification list exports exactly its filtered rows.
 */
@DudaoTest
class DrillDownTest {

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

    Api api;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        new ReportFixtures(api, orgUnits, values, jdbc).build();
    }

    @Test
    void everyDashboardNumberThatIsALinkOpensAListOfThatManyRows() throws Exception {
        for (String unit : List.of(COUNTY, COUNTY + "-A")) {
            Document page = page("/reports/dashboard?orgUnit=" + unit + "&project=" + PROJECT);
            List<Element> links = page.select("#dashboard a[href]").stream()
                    .filter(a -> a.text().matches("\\d+"))
                    .filter(a -> a.attr("href").startsWith("/evaluation/")
                            || a.attr("href").startsWith("/rectification"))
                    .toList();
            // files, stages, states, grades, open and overdue items, and per township
            assertThat(page.select("#drill-files, #drill-stage-COUNTY, #drill-state-CITY_SCORING, #drill-grade-0,"
                            + " #drill-open, #overdue-count"))
                    .hasSize(6);
            assertThat(links).hasSizeGreaterThan(20);
            for (Element a : links) {
                Document list = page(a.attr("href"));
                int rows = a.attr("href").startsWith("/evaluation/")
                        ? list.select("#file-table tbody tr").size()
                        : list.select("#item-table tbody tr").size();
                assertThat(rows).as(a.attr("href")).isEqualTo(Integer.parseInt(a.text()));
                assertThat(list.select("#filter-error")).as(a.attr("href")).isEmpty();
            }
        }
        Document county = page("/reports/dashboard?orgUnit=" + COUNTY + "&project=" + PROJECT);
        assertThat(county.selectFirst("#drill-unit-" + COUNTY + "-A").text()).isEqualTo("4");
        assertThat(county.selectFirst("#drill-state-CITY_SCORING").text()).isEqualTo("1");
        assertThat(county.selectFirst("#overdue-count").text()).isNotEqualTo("0");
    }

    @Test
    void theFileListTakesTheDashboardsStateAndExpertGradeFilters() throws Exception {
        String list = "/api/projects/" + PROJECT + "/evaluations?under=" + COUNTY;
        api.get(DIRECTOR, list + "&state=CITY_SCORING")
                .andExpect(jsonPath("$[*].orgUnit").value(org.hamcrest.Matchers.contains(s("B2"))));
        api.get(DIRECTOR, list + "&state=closed")
                .andExpect(jsonPath("$[*].orgUnit").value(org.hamcrest.Matchers.contains(s("A3"))));
        // A4 is still at 自评: its own grade is not the experts'
        api.get(DIRECTOR, list + "&grade=NONE&rated=true")
                .andExpect(jsonPath("$[*].orgUnit").value(org.hamcrest.Matchers.hasItem(s("A4"))));
        api.get(DIRECTOR, list + "&state=DONE")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("state"));
        api.get(DIRECTOR, list + "&rated=yes")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rated"));
    }

    @Test
    void theRectificationListIsSearchedFilteredAndExported() throws Exception {
        String all = "/api/rectifications?unit=" + COUNTY;
        int total = count(all);
        assertThat(total).isEqualTo(5);
        assertThat(count(all + "&status=OPEN")).isEqualTo(3);
        assertThat(count(all + "&status=closed")).isEqualTo(2);
        assertThat(count(all + "&status=OPEN&overdue=true")).isEqualTo(1);
        assertThat(count(all + "&overdue=false")).isEqualTo(4);
        assertThat(count(all + "&source=EVALUATION")).isEqualTo(5);
        assertThat(count(all + "&township=" + COUNTY + "-A")).isEqualTo(5);
        assertThat(count(all + "&township=" + COUNTY + "-B")).isZero();
        // search: the unit's name or code, the text of the item
        assertThat(count(all + "&q=报表测试A3")).isEqualTo(5);
        assertThat(count(all + "&q=" + s("a3").toLowerCase())).isEqualTo(5);
        assertThat(count(all + "&q=按标准补齐")).isEqualTo(3);
        assertThat(count(all + "&q=已补齐&status=CLOSED")).isEqualTo(2);
        assertThat(count(all + "&q=没有这样的文字")).isZero();
        api.get(DIRECTOR, all + "&status=OPEN")
                .andExpect(jsonPath("$[0].township").value("报表甲镇"))
                .andExpect(jsonPath("$[0].townshipCode").value(COUNTY + "-A"));
        for (String[] bad :
                new String[][] {{"status", "DONE"}, {"source", "NOWHERE"}, {"overdue", "maybe"}, {"q", "x".repeat(201)}
                }) {
            api.get(DIRECTOR, all + "&" + bad[0] + "=" + bad[1])
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(bad[0]));
        }
        api.get("dh_director", "/api/rectifications?township=" + COUNTY + "-A").andExpect(status().isNotFound());

        // the export holds exactly the filtered rows: numbers as numbers, times in China
        String json = api.get(DIRECTOR, all + "&status=OPEN")
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> open = JsonPath.read(json, "$");
        byte[] xlsx = api.get(DIRECTOR, "/api/rectifications.xlsx?unit=" + COUNTY + "&status=OPEN")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(open.size());
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("存在问题");
            DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
            for (int r = 1; r <= open.size(); r++) {
                Row row = sheet.getRow(r);
                assertThat(row.getCell(1).getStringCellValue())
                        .isEqualTo(open.get(r - 1).get("orgUnit"));
                assertThat(row.getCell(6).getStringCellValue())
                        .isEqualTo(open.get(r - 1).get("problem"));
                assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(14).getCellType()).isEqualTo(CellType.NUMERIC);
                if (row.getCell(8) != null && open.get(r - 1).get("pointsLost") != null) {
                    assertThat(row.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
                }
                // drafted at, in China time (UTC + 8)
                Instant drafted = Instant.parse((String) open.get(r - 1).get("draftedAt"));
                assertThat(row.getCell(13).getStringCellValue())
                        .isEqualTo(minutes.format(drafted.atZone(ZoneId.of("Asia/Shanghai"))))
                        .isNotEqualTo(minutes.format(drafted.atZone(ZoneOffset.UTC)));
            }
        }
        api.get("dh_director", "/api/rectifications.xlsx?unit=" + COUNTY).andExpect(status().isNotFound());

        // the screen keeps the filter in the URL and exports the same rows
        Document screen = page("/rectification?unit=" + COUNTY + "&status=OPEN&overdue=true");
        assertThat(screen.select("#item-table tbody tr")).hasSize(1);
        assertThat(screen.selectFirst("#overdue").hasAttr("checked")).isTrue();
        assertThat(screen.selectFirst("#status option[selected]").val()).isEqualTo("OPEN");
        assertThat(screen.select("#source option").eachAttr("value")).contains("EVALUATION");
        assertThat(screen.selectFirst("#export").attr("href"))
                .isEqualTo("/rectification.xlsx?unit=" + COUNTY + "&status=OPEN&overdue=true");
        byte[] fromScreen = mvc.perform(
                        get(URI.create(screen.selectFirst("#export").attr("href")))
                                .with(user(users.loadUserByUsername(DIRECTOR))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(fromScreen))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(1);
        }
        Document bad = page("/rectification?unit=" + COUNTY + "&status=DONE");
        assertThat(bad.select("#filter-error")).hasSize(1);
        assertThat(bad.select("#item-table tbody tr")).hasSize(5);
    }

    private int count(String url) throws Exception {
        String json = api.get(DIRECTOR, url)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.<List<Object>>read(json, "$").size();
    }

    private Document page(String href) throws Exception {
        String html = mvc.perform(get(URI.create(href)).with(user(users.loadUserByUsername(DIRECTOR))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Jsoup.parse(html);
    }
}
