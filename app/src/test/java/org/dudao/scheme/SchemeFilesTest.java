package org.dudao.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Export and import of whole schemes as JSON and as Excel workbooks (one row per indicator). */
@DudaoTest
class SchemeFilesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    private ResultActions upload(String user, byte[] content, String filename) throws Exception {
        return mvc.perform(multipart("/api/schemes/import")
                .file(new MockMultipartFile("file", filename, "application/octet-stream", content))
                .with(httpBasic(user, Api.PASSWORD)));
    }

    private JsonNode definition(String user, String code, int version) throws Exception {
        String body = api.get(user, "/api/schemes/{c}/versions/{v}", code, version)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        ObjectNode node = (ObjectNode) json.readTree(body);
        node.remove(java.util.List.of("version", "locked", "note", "orgUnit", "orgUnitName", "warnings", "revision"));
        return node;
    }

    @Test
    void jsonExportImportsBackAsANewIdenticalVersion() throws Exception {
        api.post("qs_director", "/api/schemes", SchemeApiTest.scheme("T-FILE-J"))
                .andExpect(status().isCreated());
        byte[] file = api.get("qs_director", "/api/schemes/T-FILE-J/export.json")
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("T-FILE-J.json")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(json.readTree(file).has("version")).isFalse();
        upload("qs_director", file, "T-FILE-J.json")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2));
        assertThat(definition("qs_director", "T-FILE-J", 2)).isEqualTo(definition("qs_director", "T-FILE-J", 1));
        // under another code, into the caller's county
        byte[] renamed = new String(file, "UTF-8")
                .replace("\"T-FILE-J\"", "\"T-FILE-J2\"")
                .getBytes("UTF-8");
        upload("qs_director", renamed, "copy.json")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.orgUnit").value("JB0101"))
                .andExpect(jsonPath("$.version").value(1));
        // the same as a plain JSON body, and the export under one URL with a format
        api.post(
                        "qs_director",
                        "/api/schemes/import",
                        new String(file, "UTF-8").replace("\"T-FILE-J\"", "\"T-FILE-J3\""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("T-FILE-J3"));
        api.get("qs_director", "/api/schemes/T-FILE-J/export?format=xlsx")
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("T-FILE-J.xlsx")));
        upload("qs_director", "not json".getBytes(), "x.json")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        // an outsider cannot version the scheme through an import either
        upload("dh_director", file, "T-FILE-J.json").andExpect(status().isNotFound());
    }

    @Test
    void excelExportHasOneRowPerIndicatorAndImportsBackIdentically() throws Exception {
        api.post("qs_director", "/api/schemes", SchemeApiTest.scheme("T-FILE-X"))
                .andExpect(status().isCreated());
        byte[] xlsx = api.get("qs_director", "/api/schemes/T-FILE-X/export.xlsx")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("指标");
            assertThat(sheet.getLastRowNum()).isEqualTo(7); // header + 7 indicators
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("A1");
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("A");
            assertThat(sheet.getRow(2).getCell(10).getNumericCellValue()).isEqualTo(25.0);
            assertThat(wb.getSheet("否决项").getRow(1).getCell(5).getStringCellValue())
                    .isEqualTo("不合格");
        }
        upload("qs_director", xlsx, "T-FILE-X.xlsx")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2));
        assertThat(definition("qs_director", "T-FILE-X", 2)).isEqualTo(definition("qs_director", "T-FILE-X", 1));

        // the seeded 1000-point scheme survives the trip as well
        byte[] city = api.get("city_director", "/api/schemes/YWBZH/export.xlsx")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        byte[] renamed = edit(city, wb -> wb.getSheet("方案").getRow(0).getCell(1).setCellValue("T-FILE-BZH"));
        upload("city_director", renamed, "bzh.xlsx").andExpect(status().isCreated());
        JsonNode copy = definition("city_director", "T-FILE-BZH", 1);
        ((ObjectNode) copy).put("code", "YWBZH");
        assertThat(copy).isEqualTo(definition("city_director", "YWBZH", 1));
    }

    @Test
    void excelProblemsAreNamedBySheetAndCell() throws Exception {
        api.post("qs_director", "/api/schemes", SchemeApiTest.scheme("T-FILE-E"))
                .andExpect(status().isCreated());
        byte[] xlsx = api.get("qs_director", "/api/schemes/T-FILE-E/export.xlsx")
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        upload(
                        "qs_director",
                        edit(xlsx, wb -> wb.getSheet("指标").getRow(2).getCell(4).setCellValue("三十")),
                        "bad.xlsx")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("指标!E3"))
                .andExpect(jsonPath("$.errors[0].message", containsString("三十")));
        // A's parent is its own child A1: a cycle
        upload(
                        "qs_director",
                        edit(
                                xlsx,
                                wb -> wb.getSheet("指标").getRow(1).createCell(2).setCellValue("A1")),
                        "cycle.xlsx")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("循环引用"))));
        upload("qs_director", "PK garbage".getBytes(), "bad.xlsx")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    private static byte[] edit(byte[] xlsx, java.util.function.Consumer<Workbook> change) throws Exception {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
                var out = new ByteArrayOutputStream()) {
            change.accept(wb);
            wb.write(out);
            return out.toByteArray();
        }
    }

    @SuppressWarnings("unused")
    private static Row row(Sheet s, int i) {
        return s.getRow(i) == null ? s.createRow(i) : s.getRow(i);
    }
}
