package org.dudao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.dudao.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The Excel round-trip: export a pre-filled template, import it back exactly, refuse bad cells all or nothing. */
@DudaoTest
class CollectionExcelApiTest {

    @Autowired
    MockMvc mvc;

    Api api;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        CollectionTestItems.ensure(api);
    }

    private byte[] export(String user, String url) throws Exception {
        return api.get(user, url)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private ResultActions upload(String user, String url, byte[] content, String name) throws Exception {
        return mvc.perform(multipart(url)
                .file(new MockMultipartFile(
                        "file", name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content))
                .with(httpBasic(user, Api.PASSWORD)));
    }

    private static byte[] bytes(XSSFWorkbook wb) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        wb.close();
        return out.toByteArray();
    }

    private static int rowOf(Sheet sheet, String unit) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && unit.equals(row.getCell(0).toString())) {
                return row.getRowNum();
            }
        }
        throw new AssertionError(unit);
    }

    @Test
    void exportsASubtreeAndImportsItBackExactly() throws Exception {
        api.post("qs_director", "/api/data-values", """
                {"period":"2042","values":[{"orgUnit":"JB01010401","item":"t_students","value":"321"},
                 {"orgUnit":"JB01010401","item":"t_area","value":"1234.56"},
                 {"orgUnit":"JB01010402","item":"t_flag","value":"否"},
                 {"orgUnit":"JB01010402","item":"t_date","value":"2042-09-01"}]}""").andExpect(status().isOk());
        byte[] file = export(
                "qs_director",
                "/api/data-values/export?orgUnit=JB010104&period=2042&items=t_students,t_area,t_flag,t_date&subtree=true");
        int units;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("测试在校生数（人）");
            assertThat(sheet.getRow(1).getZeroHeight()).isTrue();
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("t_area");
            int r = rowOf(sheet, "JB01010401");
            assertThat(sheet.getRow(r).getCell(2).getNumericCellValue()).isEqualTo(321);
            assertThat(sheet.getRow(r).getCell(3).getNumericCellValue()).isEqualTo(1234.56);
            assertThat(sheet.getRow(rowOf(sheet, "JB01010402")).getCell(4).getStringCellValue())
                    .isEqualTo("否");
            assertThat(wb.getSheet("_dudao").getRow(0).getCell(1).getStringCellValue())
                    .isEqualTo("2042");
            units = sheet.getLastRowNum() - 1;
        }
        // the unchanged file changes nothing
        upload("qs_director", "/api/data-values/import", file, "data.xlsx")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(units * 4))
                .andExpect(jsonPath("$.period").value("2042"));
        // edit one value, add one, clear one
        byte[] edited;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            int r = rowOf(sheet, "JB01010401");
            sheet.getRow(r).getCell(2).setCellValue(330);
            sheet.getRow(r).getCell(3).setBlank();
            sheet.getRow(rowOf(sheet, "JB01010403")).createCell(2).setCellValue("88");
            edited = bytes(wb);
        }
        upload("qs_director", "/api/data-values/import", edited, "data.xlsx")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.updated").value(2));
        api.get("qs_director", "/api/data-values?orgUnit=JB01010401&period=2042")
                .andExpect(jsonPath("$[?(@.item=='t_students')].value", hasItem("330")))
                .andExpect(jsonPath("$[?(@.item=='t_area')]").isEmpty());
        api.get("qs_director", "/api/data-values/history?orgUnit=JB01010401&item=t_students&period=2042")
                .andExpect(jsonPath("$[0].source").value("EXCEL"));
    }

    @Test
    void refusesBadCellsWithARowByRowReportAndWritesNothing() throws Exception {
        byte[] file = export(
                "qs_director",
                "/api/data-values/export?orgUnit=JB010105&period=2043&items=t_students,t_area&subtree=true");
        byte[] bad;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            sheet.getRow(rowOf(sheet, "JB01010501")).createCell(2).setCellValue(100);
            sheet.getRow(rowOf(sheet, "JB01010502")).createCell(2).setCellValue("一百");
            sheet.getRow(rowOf(sheet, "JB01010503")).createCell(3).setCellFormula("1+1");
            Row extra = sheet.createRow(sheet.getLastRowNum() + 1);
            extra.createCell(0).setCellValue("JB01020101");
            extra.createCell(2).setCellValue(5);
            bad = bytes(wb);
        }
        upload("qs_director", "/api/data-values/import", bad, "bad.xlsx")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.rejected[*].reason", hasItem("测试在校生数：请输入整数")))
                .andExpect(jsonPath("$.rejected[*].reason", hasItem(containsString("公式"))))
                .andExpect(jsonPath("$.rejected[*].reason", hasItem(containsString("不在您的管辖范围"))))
                .andExpect(jsonPath("$.rejected[0].sheet").value("数据填报"))
                .andExpect(jsonPath("$.rejected[*].column", hasItem("C 测试在校生数")))
                .andExpect(jsonPath("$.rejected[*].column", hasItem("D 测试校舍面积")));
        api.get("qs_director", "/api/data-values?orgUnit=JB01010501&period=2043")
                .andExpect(jsonPath("$").isEmpty());
        // not a workbook at all, or a zip of something else
        upload("qs_director", "/api/data-values/import", "hello".getBytes(), "x.xlsx")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message", containsString("不是有效的 Excel")));
        upload(
                        "qs_director",
                        "/api/data-values/import",
                        org.dudao.evidence.EvidenceApiTest.zip("foo/bar.txt"),
                        "x.xlsx")
                .andExpect(status().isBadRequest());
    }

    @Test
    void runsLongImportsAsJobsWithProgressAndAnErrorReport() throws Exception {
        byte[] file = export(
                "qs_director", "/api/data-values/export?orgUnit=JB010106&period=2044&items=t_students&subtree=true");
        byte[] bad;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            sheet.getRow(rowOf(sheet, "JB01010601")).createCell(2).setCellValue(-3);
            bad = bytes(wb);
        }
        String started = upload("qs_director", "/api/data-values/import-jobs", bad, "bad.xlsx")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(started, "$.id");
        String job = null;
        for (int i = 0; i < 100; i++) {
            job = api.get("qs_director", "/api/data-values/import-jobs/" + id)
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            if (Boolean.TRUE.equals(JsonPath.read(job, "$.done"))) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat((Boolean) JsonPath.read(job, "$.done")).isTrue();
        assertThat((Integer) JsonPath.read(job, "$.percent")).isEqualTo(100);
        assertThat((String) JsonPath.read(job, "$.report.rejected[0].reason")).contains("0 到");
        api.get("dh_director", "/api/data-values/import-jobs/" + id).andExpect(status().isNotFound());
        byte[] report = api.get("qs_director", "/api/data-values/import-jobs/" + id + "/errors.xlsx")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report))) {
            Row first = wb.getSheetAt(0).getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("数据填报");
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("C 测试在校生数");
            assertThat(first.getCell(3).getStringCellValue()).contains("0 到");
        }
    }

    @Test
    void exportsATaskFormForTheUnitsOfASubtree() throws Exception {
        String json = api.post(
                        "qs_director",
                        "/api/collection/tasks",
                        CollectionTaskApiTest.task("导出测试", "2045", "JB010107", "\"小学\"", TestClock.today()))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int id = JsonPath.read(json, "$.id");
        byte[] file = export("qs_director", "/api/collection/tasks/" + id + "/export?orgUnit=JB010107");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("t_students");
            assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("t_danger_area");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).startsWith("JB010107");
        }
        api.get("dh_director", "/api/collection/tasks/" + id + "/export?orgUnit=JB010107")
                .andExpect(status().isNotFound());
    }
}
