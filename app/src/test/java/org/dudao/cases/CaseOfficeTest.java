package org.dudao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The office's tools for cases: category time limits edited at the root (new cases only), bulk import of work
 * orders all or nothing with a row report (JSON and Excel), and hotspot reports from a known set with gapless
 * numbers, PDF and Word. Township T-HOT (under 青山县) and its schools are this test's own.
 */
@DudaoTest
class CaseOfficeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService users;

    Api api;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        unit("T-HOT", "热点测试镇", "乡镇", "JB0101");
        unit("T-HOT-1", "热点测试一小", "小学", "T-HOT");
        unit("T-HOT-2", "热点测试二小", "小学", "T-HOT");
    }

    private void unit(String code, String name, String kind, String parent) throws Exception {
        if (api.get("admin", "/api/org-units/" + code).andReturn().getResponse().getStatus() == 200) return;
        api.post("admin", "/api/org-units", """
                {"code":"%s","name":"%s","kind":"%s","parentCode":"%s"}""".formatted(code, name, kind, parent))
                .andExpect(status().isCreated());
    }

    private static String body(ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString();
    }

    /** A screen as the user sees it, signed in. */
    private String page(String user, String url) throws Exception {
        return new String(
                mvc.perform(MockMvcRequestBuilders.get(url).with(user(users.loadUserByUsername(user))))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);
    }

    private long cases(String description) {
        return jdbc.queryForObject("select count(*) from case_file where description = ?", Long.class, description);
    }

    // ---- categories ---------------------------------------------------------------------------------------

    @Test
    void categoryLimitsAreEditedAtTheRootAndApplyToNewCasesOnly() throws Exception {
        try {
            api.post("qs_director", "/api/cases/categories", "{\"code\":\"T_NOISE\",\"name\":\"测试噪音\",\"timeLimit\":5}")
                    .andExpect(status().isForbidden());
            api.post("admin", "/api/cases/categories", "{\"code\":\"T_NOISE\",\"name\":\"测试噪音\",\"timeLimit\":5}")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.timeLimit").value(5))
                    .andExpect(jsonPath("$.version").value(0));
            api.post("admin", "/api/cases/categories", "{\"code\":\"t_noise\",\"name\":\"别的\",\"timeLimit\":0}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field", hasItem("timeLimit")));
            api.post("admin", "/api/cases/categories", "{\"code\":\"t_noise\",\"name\":\"别的\",\"timeLimit\":3}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("code"));
            api.post("admin", "/api/cases/categories", "{\"code\":\"9x\",\"name\":\"\",\"timeLimit\":61}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors", hasSize(3)));
            // taken in on Monday 15 June: five working days → 22 June (19 June is 端午)
            String first = body(api.post("qs_director", "/api/cases", """
                            {"channel":"HOTLINE","category":"T_NOISE","description":"时限测试一","unit":"T-HOT-1",
                             "receivedAt":"2026-06-15T09:00"}""")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.due").value("2026-06-23")));
            api.put("qs_director", "/api/cases/categories/T_NOISE", "{\"name\":\"测试噪音\",\"timeLimit\":7}")
                    .andExpect(status().isForbidden());
            api.put("admin", "/api/cases/categories/T_NOISE", "{\"name\":\"测试噪音扰民\",\"timeLimit\":7,\"version\":0}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.timeLimit").value(7))
                    .andExpect(jsonPath("$.version").value(1));
            api.put("admin", "/api/cases/categories/T_NOISE", "{\"name\":\"测试噪音\",\"timeLimit\":9,\"version\":0}")
                    .andExpect(status().isConflict());
            api.put("admin", "/api/cases/categories/T_NOISE", "{\"name\":\"投诉\",\"timeLimit\":9}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("name"));
            api.put("admin", "/api/cases/categories/NOPE", "{\"name\":\"无\",\"timeLimit\":9}")
                    .andExpect(status().isNotFound());
            // the earlier case keeps its due day; a new one counts seven working days
            api.get("qs_director", "/api/cases/" + JsonPath.read(first, "$.id"))
                    .andExpect(jsonPath("$.due").value("2026-06-23"));
            api.post("qs_director", "/api/cases", """
                            {"channel":"HOTLINE","category":"T_NOISE","description":"时限测试二","unit":"T-HOT-1",
                             "receivedAt":"2026-06-15T09:00"}""")
                    .andExpect(jsonPath("$.due").value("2026-06-25"))
                    .andExpect(jsonPath("$.categoryName").value("测试噪音扰民"));
            api.get("cg_clerk", "/api/cases/categories")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[?(@.code=='T_NOISE')].timeLimit").value(7));
            // the screen says new cases only, and offers edits only to the root
            assertThat(page("admin", "/cases/categories"))
                    .contains("只对此后受理的案件生效")
                    .contains("save-T_NOISE");
            assertThat(page("qs_director", "/cases/categories")).doesNotContain("save-T_NOISE");
        } finally {
            jdbc.update(
                    "delete from case_event where case_id in (select id from case_file where category = 'T_NOISE')");
            jdbc.update("delete from case_file where category = 'T_NOISE'");
            jdbc.update("delete from case_category where code = 'T_NOISE'");
        }
    }

    // ---- import -------------------------------------------------------------------------------------------

    @Test
    void aJsonImportIsAllOrNothingWithARowReport() throws Exception {
        String bad = """
                [{"channel":"HOTLINE","category":"COMPLAINT","description":"导入测试甲","unit":"T-HOT-1",
                  "receivedAt":"2026-06-12T10:00","reporterPhone":"13800000001"},
                 {"channel":"HOTLINE","category":"COMPLAINT","description":"导入测试甲","unit":"JB01020101"},
                 {"channel":"12345 热线","category":"噪音","description":"导入测试甲","unit":"T-HOT-2"}]""";
        api.post("qs_director", "/api/cases/import", bad)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].field").value("rows[2].unit"))
                .andExpect(jsonPath("$.errors[0].message").value("单位 JB01020101 不存在或不在您的管辖范围内"))
                .andExpect(jsonPath("$.errors[1].field").value("rows[3].category"));
        assertThat(cases("导入测试甲")).isZero();

        api.post("cg_clerk", "/api/cases/import", bad).andExpect(status().isForbidden());
        api.post("qs_director", "/api/cases/import", "[]").andExpect(status().isBadRequest());

        String good = bad.replace("JB01020101", "T-HOT-1").replace("噪音", "咨询");
        String done = body(api.post("qs_director", "/api/cases/import", good)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.imported").value(3)));
        assertThat(cases("导入测试甲")).isEqualTo(3);
        int id = JsonPath.read(done, "$.ids[2]");
        api.get("qs_director", "/api/cases/" + id)
                .andExpect(jsonPath("$.channel").value("HOTLINE"))
                .andExpect(jsonPath("$.category").value("CONSULTATION"))
                .andExpect(jsonPath("$.unit").value("T-HOT-2"));
        jdbc.update("delete from case_event where case_id in (select id from case_file where description = '导入测试甲')");
        jdbc.update("delete from case_file where description = '导入测试甲'");
    }

    @Test
    void anExcelImportFromTheTemplateIsAllOrNothingWithARowReport() throws Exception {
        byte[] template = api.get("qs_director", "/api/cases/import.xlsx")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        byte[] bad;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("诉求内容");
            row(sheet, 1, "HOTLINE", "投诉", "导入测试乙", "T-HOT-1", "2026-06-12T10:00", "否", "30.5");
            row(sheet, 2, "12345 热线", "COMPLAINT", "导入测试乙", "T-HOT-2", "2026-06-12T11:00", "是", "北纬");
            row(sheet, 3, "HOTLINE", "COMPLAINT", "", "T-HOT-2", "2026-06-12T11:00", "否", "");
            bad = bytes(wb);
        }
        api.upload("qs_director", "/api/cases/import", "orders.xlsx", bad)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rows[3].latitude"))
                .andExpect(jsonPath("$.errors[1].field").value("rows[4].description"));
        assertThat(cases("导入测试乙")).isZero();

        // the page shows the same report
        String page = new String(
                mvc.perform(MockMvcRequestBuilders.multipart("/cases/import")
                                .file(new MockMultipartFile("file", "o.xlsx", null, bad))
                                .with(user(users.loadUserByUsername("qs_director")))
                                .with(csrf()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);
        assertThat(page).contains("rejection-table").contains("纬度").contains("应为数字");

        byte[] good;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bad))) {
            wb.getSheetAt(0).getRow(2).getCell(9).setCellValue("30.25");
            wb.getSheetAt(0).removeRow(wb.getSheetAt(0).getRow(3));
            good = bytes(wb);
        }
        api.upload("qs_director", "/api/cases/import", "orders.xlsx", good)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.imported").value(2));
        assertThat(jdbc.queryForList(
                        "select anonymous from case_file where description = '导入测试乙' order by id", Boolean.class))
                .containsExactly(false, true);
        api.upload("qs_director", "/api/cases/import", "orders.xlsx", "not a workbook".getBytes())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        jdbc.update("delete from case_event where case_id in (select id from case_file where description = '导入测试乙')");
        jdbc.update("delete from case_file where description = '导入测试乙'");
    }

    private static void row(
            XSSFSheet sheet,
            int r,
            String channel,
            String category,
            String description,
            String unit,
            String at,
            String anonymous,
            String latitude) {
        XSSFRow row = sheet.createRow(r);
        String[] values = {
            channel, category, description, unit, at, "王先生", "13900000000", anonymous, "学府路 1 号", latitude, "114.3"
        };
        for (int i = 0; i < values.length; i++) row.createCell(i).setCellValue(values[i]);
    }

    private static byte[] bytes(XSSFWorkbook wb) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    // ---- hotspot reports ----------------------------------------------------------------------------------

    @Test
    void aHotspotReportListsWhatRoseAndIsIssuedUnderGaplessNumbers() throws Exception {
        jdbc.update(
                "delete from case_hotspot where office_path like (select path from org_unit where code = 'T-HOT') || '%'");
        jdbc.update("delete from case_event where case_id in (select id from case_file where description = '热点测试')");
        jdbc.update("delete from case_file where description = '热点测试'");
        // May against April (31 days: 31 March … 30 April): 一小 3 complaints (1 before), 二小 1 consultation (2 before)
        for (String at : List.of("2026-05-04", "2026-05-11", "2026-05-31")) kase("T-HOT-1", "COMPLAINT", at);
        kase("T-HOT-1", "COMPLAINT", "2026-03-31");
        kase("T-HOT-1", "COMPLAINT", "2026-03-30"); // before the previous period: not counted
        kase("T-HOT-2", "CONSULTATION", "2026-05-20");
        kase("T-HOT-2", "CONSULTATION", "2026-04-01");
        kase("T-HOT-2", "CONSULTATION", "2026-04-30");

        String request = "{\"office\":\"T-HOT\",\"from\":\"2026-05-01\",\"to\":\"2026-05-31\",\"threshold\":2}";
        String draft = body(api.post("qs_director", "/api/cases/hotspots", request)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.number").isEmpty())
                .andExpect(jsonPath("$.previousFrom").value("2026-03-31"))
                .andExpect(jsonPath("$.previousTo").value("2026-04-30"))
                .andExpect(jsonPath("$.hotspots", hasSize(2)))
                .andExpect(jsonPath("$.hotspots[0].kind").value("CATEGORY"))
                .andExpect(jsonPath("$.hotspots[0].key").value("COMPLAINT"))
                .andExpect(jsonPath("$.hotspots[0].count").value(3))
                .andExpect(jsonPath("$.hotspots[0].previous").value(1))
                .andExpect(jsonPath("$.hotspots[0].aboveThreshold").value(true))
                .andExpect(jsonPath("$.hotspots[0].rising").value(true))
                .andExpect(jsonPath("$.hotspots[1].kind").value("UNIT"))
                .andExpect(jsonPath("$.hotspots[1].key").value("T-HOT-1"))
                .andExpect(jsonPath("$.hotspots[1].count").value(3))
                .andExpect(jsonPath("$.intro").value(org.hamcrest.Matchers.containsString("共受理案件 4 件"))));
        int id = JsonPath.read(draft, "$.id");
        // a higher threshold leaves what rose: the consultations fell, so only the complaints and 一小
        api.post("qs_director", "/api/cases/hotspots", request.replace("\"threshold\":2", "\"threshold\":50"))
                .andExpect(jsonPath("$.hotspots", hasSize(2)))
                .andExpect(jsonPath("$.hotspots[0].aboveThreshold").value(false));
        api.post("qs_director", "/api/cases/hotspots", request.replace("2026-05-01", "2026-06-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));

        // scope: another county neither sees nor composes it
        api.get("dh_director", "/api/cases/hotspots/" + id).andExpect(status().isNotFound());
        api.post("dh_director", "/api/cases/hotspots", request)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("单位 T-HOT 不存在或不在您的管辖范围内"));
        api.post("cg_clerk", "/api/cases/hotspots/" + id + "/issue", "").andExpect(status().isNotFound());

        api.put("qs_director", "/api/cases/hotspots/" + id, "{\"intro\":\"五月投诉明显增多。\",\"version\":0}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intro").value("五月投诉明显增多。"));
        api.put("qs_director", "/api/cases/hotspots/" + id, "{\"intro\":\"过期\",\"version\":0}")
                .andExpect(status().isConflict());
        String issued = body(api.post("qs_director", "/api/cases/hotspots/" + id + "/issue", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ISSUED")));
        String number = JsonPath.read(issued, "$.number");
        api.post("qs_director", "/api/cases/hotspots/" + id + "/issue", "").andExpect(status().isConflict());
        api.put("qs_director", "/api/cases/hotspots/" + id, "{\"intro\":\"改\"}").andExpect(status().isConflict());

        int next = JsonPath.read(body(api.post("qs_director", "/api/cases/hotspots", request)), "$.id");
        String second =
                JsonPath.read(body(api.post("qs_director", "/api/cases/hotspots/" + next + "/issue", "")), "$.number");
        assertThat(serial(second)).isEqualTo(serial(number) + 1);
        assertThat(second.replaceAll("\\d+号$", "")).isEqualTo(number.replaceAll("\\d+号$", ""));

        byte[] pdf = api.get("qs_director", "/api/cases/hotspots/" + id + ".pdf")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = PDDocument.load(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text)
                    .contains("案件热点专报")
                    .contains(number)
                    .contains("五月投诉明显增多。")
                    .contains("类别“投诉”：本期3件，上期1件（超过阈值且较上期上升）")
                    .contains("单位“热点测试一小”");
        }
        byte[] docx = api.get("qs_director", "/api/cases/hotspots/" + id + ".docx")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFWordExtractor words = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
            assertThat(words.getText()).contains(number).contains("类别“投诉”：本期 3 件，上期 1 件");
        }
        api.get("qs_director", "/api/cases/hotspots")
                .andExpect(jsonPath("$[?(@.id==" + id + ")].number").value(number));
        assertThat(page("qs_director", "/cases/hotspots/" + id))
                .contains(number)
                .contains("热点测试一小");
    }

    private void kase(String unit, String category, String day) throws Exception {
        api.post("qs_director", "/api/cases", """
                        {"channel":"HOTLINE","category":"%s","description":"热点测试","unit":"%s","receivedAt":"%s"}""".formatted(category, unit, day))
                .andExpect(status().isCreated());
    }

    private static int serial(String number) {
        Matcher m = Pattern.compile("(\\d+)号$").matcher(number);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
