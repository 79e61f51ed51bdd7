package org.dudao.org.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@DudaoTest
class OrgImportTest {

    @Autowired
    MockMvc mvc;

    @Test
    void importsATreeWhoseParentsComeAfterTheirChildren() throws Exception {
        byte[] file = workbook(new Object[][] {
            {"T-IMP-S1", "新区第一小学", "小学", "T-IMP-T", 640, null, null},
            {"T-IMP-S2", "新区九年一贯制学校", "九年一贯制学校", "T-IMP-T", 500, 320, null},
            {"T-IMP-T", "新区镇", "乡镇", "JB0101", null, null, null}
        });
        upload("qs_director", file, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(3))
                .andExpect(jsonPath("$.rejected").isEmpty());
        Api api = new Api(mvc);
        api.get("qs_director", "/api/org-units/T-IMP-S2")
                .andExpect(jsonPath("$.path").value("/JB/JB01/JB0101/T-IMP-T/T-IMP-S2/"))
                .andExpect(jsonPath("$.enrolment.junior").value(320));
        // the same file again changes nothing
        upload("qs_director", file, false).andExpect(jsonPath("$.unchanged").value(3));
    }

    @Test
    void oneBadRowMeansNothingIsImportedAndEveryProblemIsListed() throws Exception {
        byte[] file = workbook(new Object[][] {
            {"T-BAD-T", "好镇", "乡镇", "JB0101", null, null, null},
            {"T-BAD-1", "", "学校", "T-BAD-T", -3, null, null},
            {"T-BAD-2", "外县小学", "小学", "JB010201", 100, null, null},
            {"T-BAD-3", "重复", "小学", "T-BAD-T", 100, null, null},
            {"T-BAD-3", "重复", "小学", "T-BAD-T", 100, null, null},
            {"T-CYC-A", "环A", "乡镇", "T-CYC-B", null, null, null},
            {"T-CYC-B", "环B", "乡镇", "T-CYC-A", null, null, null}
        });
        upload("qs_director", file, false)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.rejected[*].row", hasItem(3)))
                .andExpect(jsonPath("$.rejected[?(@.row == 3)].column", hasItem("name")))
                .andExpect(jsonPath("$.rejected[?(@.row == 3)].column", hasItem("kind")))
                .andExpect(jsonPath("$.rejected[?(@.row == 3)].column", hasItem("primary")))
                .andExpect(jsonPath("$.rejected[?(@.row == 4)].reason", hasItem(containsString("不在您的管辖范围"))))
                .andExpect(jsonPath("$.rejected[?(@.row == 6)].reason", hasItem(containsString("重复"))))
                .andExpect(jsonPath("$.rejected[*].reason", hasItem(containsString("循环"))));
        new Api(mvc).get("qs_director", "/api/org-units/T-BAD-T").andExpect(status().isNotFound());
    }

    @Test
    void formulasAndNonExcelFilesAreRefused() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet sheet = wb.createSheet();
        sheet.createRow(0).createCell(0).setCellValue("code");
        Row row = sheet.createRow(1);
        row.createCell(0).setCellValue("T-FORM");
        row.createCell(1).setCellValue("公式小学");
        row.createCell(2).setCellValue("小学");
        row.createCell(3).setCellValue("JB010101");
        row.createCell(4).setCellFormula("100*3");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        upload("qs_director", out.toByteArray(), false)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rejected[0].column").value("primary"))
                .andExpect(jsonPath("$.rejected[0].reason", containsString("公式")));
        upload("qs_director", "not a workbook".getBytes(), false)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    @Test
    void dryRunChecksWithoutWriting() throws Exception {
        byte[] file = workbook(new Object[][] {{"T-DRY", "试运行村", "村", "JB010106", null, null, null}});
        upload("qs_director", file, true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.dryRun").value(true));
        new Api(mvc).get("qs_director", "/api/org-units/T-DRY").andExpect(status().isNotFound());
    }

    @Test
    void exportedSubtreeImportsBackUnchanged() throws Exception {
        byte[] exported = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/org-units/export")
                                .param("under", "JB010102")
                                .with(httpBasic("qs_director", Api.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(exported))) {
            org.assertj.core.api.Assertions.assertThat(
                            wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("JB010102");
        }
        upload("qs_director", exported, true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").isNumber());
    }

    private ResultActions upload(String user, byte[] file, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/org-units/import")
                .file(new MockMultipartFile(
                        "file",
                        "units.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        file))
                .param("dryRun", String.valueOf(dryRun))
                .with(httpBasic(user, Api.PASSWORD)));
    }

    static byte[] workbook(Object[][] rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet();
            Row header = sheet.createRow(0);
            for (int c = 0; c < OrgImport.COLUMNS.length; c++) {
                header.createCell(c).setCellValue(OrgImport.COLUMNS[c]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
