package org.dudao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Input bounds (issue 11, finding 11): every text has a length limit and a too-long one is a 400 naming the field
 * (never a 409 from the column), names carry no control characters, whole numbers take no fractions, dates lie in
 * a sane range, and exported text cannot turn into a formula.
 */
@DudaoTest
class InputBoundsTest {

    static final String MEGABYTE = "长".repeat(1 << 20);

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    static String scheme(String code, String name) {
        return """
                {"code":"%s","name":"%s","maxScore":100,
                 "grades":[{"name":"合格","min":60},{"name":"不合格","min":0}],
                 "indicators":[{"code":"A","name":"办学条件","points":100,"rule":{"type":"MANUAL"}}]}""".formatted(code, name);
    }

    @Test
    void aMegabyteSchemeNameIsABadNameNotAConflict() throws Exception {
        api.post("qs_director", "/api/schemes", scheme("T-BND-1", MEGABYTE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message", containsString("20,000")));
        api.post("qs_director", "/api/schemes", scheme("T-BND-1", "名".repeat(201)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void schemeNotesGradesAndIndicatorsAreBounded() throws Exception {
        api.post("qs_director", "/api/schemes", scheme("T-BND-2", "方案").replace("\"maxScore\"", """
                        "note":"%s","maxScore\"""".formatted(
                                "注".repeat(501))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("note")));
        api.post("qs_director", "/api/schemes", scheme("T-BND-2", "方案").replace("\"合格\"", "\"" + "级".repeat(51) + "\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("grades[0].name")));
        api.post("qs_director", "/api/schemes", scheme("T-BND-2", "方案").replace("办学条件", "指".repeat(201)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("indicators[0].name")));
        // a tab is fine in a comment, not in a name
        api.post("qs_director", "/api/schemes", scheme("T-BND-2", "方案\\t二"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message", containsString("控制字符")));
        api.post("qs_director", "/api/schemes", scheme("T-BND-2", "方案")).andExpect(status().isCreated());
    }

    @Test
    void aGradeMinimumLiesBetweenZeroAndTheHighestTotal() throws Exception {
        api.post("qs_director", "/api/schemes", scheme("T-BND-3", "方案").replace("\"min\":60", "\"min\":1e308"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("grades[0].min"))
                .andExpect(jsonPath("$.errors[0].message", containsString("100")));
        api.post("qs_director", "/api/schemes", scheme("T-BND-3", "方案").replace("\"min\":0", "\"min\":-5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("grades[1].min"));
        api.post("qs_director", "/api/schemes", scheme("T-BND-3", "方案").replace("\"min\":60", "\"min\":100"))
                .andExpect(status().isCreated());
    }

    @Test
    void wholeNumbersTakeNoFractions() throws Exception {
        // refused while reading the body, so the project need not exist
        api.put("qs_director", "/api/projects/T-BND-NONE/quota", "{\"primary\":1.5,\"secondary\":1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("primary"));
        api.post("school_clerk", "/api/data-values", """
                        {"period":"2041","values":[{"orgUnit":"JB01010101","item":"computers","value":1.5}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rejected[0].item").value("computers"))
                .andExpect(jsonPath("$.rejected[0].reason", containsString("计算机台数")));
    }

    @Test
    void datesLieInASaneRange() throws Exception {
        api.post("qs_director", "/api/collection/tasks", """
                        {"name":"远期任务","period":"2041","rootUnit":"JB0101","deadline":"+999999999-12-31",
                         "sections":[{"title":"基本情况","items":["computers"]}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("deadline")))
                .andExpect(jsonPath("$.errors[?(@.field=='deadline')].message", hasItem(containsString("2100-12-31"))));
        api.post("qs_director", "/api/projects", """
                        {"code":"T-BND-P","name":"远期项目","year":2041,"scheme":"NONE","orgUnit":"JB0101",
                         "deadline":"1999-12-31","countyDeadline":"2101-01-01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("deadline")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("countyDeadline")));
        // a date value of a school reaches further back (a founding date), but not to year 0
        api.post("admin", "/api/data-items", """
                        {"code":"t_bnd_founded","name":"建校日期","valueType":"DATE","periodType":"YEAR"}""").andExpect(status().isCreated());
        api.post("school_clerk", "/api/data-values", """
                        {"period":"2041","values":[{"orgUnit":"JB01010101","item":"t_bnd_founded","value":"0001-01-01"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rejected[0].reason", containsString("1900-01-01")));
        api.post("school_clerk", "/api/data-values", """
                        {"period":"2041","values":[{"orgUnit":"JB01010101","item":"t_bnd_founded","value":"1952-09-01"}]}""").andExpect(status().isOk());
    }

    @Test
    void namesRefuseControlCharactersThatCommentsMayHave() throws Exception {
        api.post("qs_director", "/api/org-units", """
                        {"code":"T-BND-U","name":"测试\\t小学","kind":"小学","parentCode":"JB010102"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message", containsString("控制字符")));
        api.post("qs_director", "/api/org-units", """
                        {"code":"T-BND-U","name":"测试\\u202e小学","kind":"小学","parentCode":"JB010102"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        api.post("qs_director", "/api/collection/tasks", """
                        {"name":"任务\\n二","period":"2041","rootUnit":"JB0101","deadline":"2041-06-30",
                         "description":"第一行\\n第二行","sections":[{"title":"基本情况","items":["computers"]}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void textBeyondTheCapIsAProblemOfItsField() throws Exception {
        // refused while reading the body: no row, no item needed
        api.post("qs_director", "/api/rectifications/999999/reject", "{\"reason\":\"%s\"}".formatted(MEGABYTE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        api.post("qs_director", "/api/collection/tasks/999999/remind", "{\"message\":\"%s\"}".formatted(MEGABYTE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("message"));
    }

    @Test
    void exportedTextCannotBecomeAFormula() throws Exception {
        api.post(
                        "qs_director",
                        "/api/schemes",
                        scheme("T-BND-X", "=HYPERLINK(\\\"http://evil.example\\\",\\\"点我\\\")")
                                .replace("办学条件", "+1+2"))
                .andExpect(status().isCreated());
        byte[] xlsx = api.get("qs_director", "/api/schemes/T-BND-X/export.xlsx")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Cell name = wb.getSheetAt(0).getRow(1).getCell(1);
            assertThat(name.getCellType()).isEqualTo(CellType.STRING);
            assertThat(name.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil.example\",\"点我\")");
            assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
            Cell indicator = wb.getSheetAt(1).getRow(1).getCell(1);
            assertThat(indicator.getStringCellValue()).isEqualTo("+1+2");
            assertThat(indicator.getCellStyle().getQuotePrefixed()).isTrue();
            Cell plain = wb.getSheetAt(0).getRow(0).getCell(1);
            assertThat(plain.getStringCellValue()).isEqualTo("T-BND-X");
            assertThat(plain.getCellStyle().getQuotePrefixed()).isFalse();
        }
    }

    @Test
    void formsLimitTheirTextAndRefuseControlCharactersInNames() throws Exception {
        mvc.perform(get("/org/new").param("parent", "JB010102").with(user(users.loadUserByUsername("qs_director"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("maxlength=\"100\"")))
                .andExpect(content().string(containsString("maxlength=\"200\"")));
        mvc.perform(post("/org/new")
                        .with(user(users.loadUserByUsername("qs_director")))
                        .with(csrf())
                        .param("code", "T-BND-W")
                        .param("name", "测试\u0007小学")
                        .param("kind", "PRIMARY")
                        .param("parentCode", "JB010102"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不能包含控制字符")));
    }

    @Test
    void anUploadedFileNameWithADirectionOverrideIsRefused() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
        // shown as "报告gnp.exe" would read as an executable; stored as it is it disguises one
        api.upload("cg_clerk", "/api/evidence", "报告\u202egnp.png", png, "orgUnit", "JB01010101")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
    }
}
