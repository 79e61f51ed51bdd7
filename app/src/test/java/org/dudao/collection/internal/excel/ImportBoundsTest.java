package org.dudao.collection.internal.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dudao.collection.CollectionTestItems;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Imports are bounded by design (issue 11): the role is checked before the workbook is read, rows, cells and
 * unpacked bytes are capped (low caps in the test profile: 3,000 rows, 30,000 cells, 16 MB, 100 listed
 * rejections), the answer lists only the first rejections with counts, and a node runs at most two at once.
 */
@DudaoTest
class ImportBoundsTest {

    static final String IMPORT = "/api/data-values/import";

    @Autowired
    MockMvc mvc;

    @Autowired
    ImportGate gate;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    Api api;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        CollectionTestItems.ensure(api);
    }

    /** The task export's layout (meta sheet, hidden code row) with {@code rows} units nobody here can see. */
    static byte[] attack(int rows, int columns) throws Exception {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            Sheet sheet = wb.createSheet("数据填报");
            sheet.createRow(0).createCell(0).setCellValue("单位代码");
            Row codes = sheet.createRow(1);
            codes.createCell(0).setCellValue(ExcelExport.CODE_MARK);
            for (int c = 0; c < columns; c++) {
                codes.createCell(2 + c).setCellValue("t_students");
            }
            for (int r = 0; r < rows; r++) {
                Row row = sheet.createRow(2 + r);
                row.createCell(0).setCellValue("ZZ" + (100000 + r));
                row.createCell(1).setCellValue("外单位" + r);
                for (int c = 0; c < columns; c++) {
                    row.createCell(2 + c).setCellValue(r % 1000);
                }
            }
            Sheet meta = wb.createSheet(ExcelExport.META_SHEET);
            Row m = meta.createRow(0);
            m.createCell(0).setCellValue("period");
            m.createCell(1).setCellValue("2026");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }

    private void stillAnswers() throws Exception {
        api.get("qs_director", "/api/data-values?orgUnit=JB010106&period=2026").andExpect(status().isOk());
    }

    @Test
    void aUserWithoutADataEntryRoleIsRefusedBeforeTheFileIsRead() throws Exception {
        byte[] notExcel = "not a workbook".getBytes(StandardCharsets.UTF_8);
        api.upload("public", IMPORT, "x.xlsx", notExcel, "dryRun", "true").andExpect(status().isForbidden());
        api.upload("public", "/api/data-values/import-jobs", "x.xlsx", notExcel).andExpect(status().isForbidden());
    }

    @Test
    void theAttackWorkbookGetsABoundedAnswerAndTheNodeKeepsAnswering() throws Exception {
        MockHttpServletResponse response = api.upload(
                        "qs_director", IMPORT, "attack.xlsx", attack(2_500, 8), "period", "2026", "dryRun", "true")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.rejected.length()").value(100))
                .andExpect(jsonPath("$.rejectedTotal").value(20_000))
                .andExpect(jsonPath("$.counts.NOT_FOUND").value(20_000))
                .andReturn()
                .getResponse();
        assertThat(response.getContentAsByteArray().length).isLessThan(200_000);
        stillAnswers();
    }

    /** As a job the same: the stored report and the error workbook list the first 100 problems, with counts. */
    @Test
    void theAttackAsAJobStoresABoundedReport() throws Exception {
        String id = com.jayway.jsonpath.JsonPath.read(
                api.upload(
                                "qs_director",
                                "/api/data-values/import-jobs",
                                "attack.xlsx",
                                attack(2_500, 8),
                                "dryRun",
                                "true")
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        String job = null;
        for (int i = 0; i < 300; i++) {
            Thread.sleep(100);
            job = api.get("qs_director", "/api/data-values/import-jobs/" + id)
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            if (com.jayway.jsonpath.JsonPath.<Boolean>read(job, "$.done")) {
                break;
            }
        }
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(job, "$.phase")).isEqualTo("DONE");
        assertThat(com.jayway.jsonpath.JsonPath.<Integer>read(job, "$.report.rejected.length()"))
                .isEqualTo(100);
        assertThat(com.jayway.jsonpath.JsonPath.<Integer>read(job, "$.report.rejectedTotal"))
                .isEqualTo(20_000);
        assertThat(com.jayway.jsonpath.JsonPath.<Integer>read(job, "$.report.counts.NOT_FOUND"))
                .isEqualTo(20_000);
        assertThat(job.length()).isLessThan(200_000);
        mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                        "/collection/import/" + id + "/status")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(
                                        users.loadUserByUsername("qs_director"))))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("有 20,000 条数据未通过校验")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("只列出前 100 条")));
        byte[] errors = api.get("qs_director", "/api/data-values/import-jobs/" + id + "/errors.xlsx")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(errors))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(100);
        }
    }

    @Test
    void tooManyRowsOrCellsAreRefusedNamingTheLimit() throws Exception {
        api.upload("qs_director", IMPORT, "rows.xlsx", attack(3_500, 1), "period", "2026", "dryRun", "true")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message", containsString("3,000")));
        api.upload("qs_director", IMPORT, "cells.xlsx", attack(2_000, 20), "period", "2026", "dryRun", "true")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message", containsString("30,000")));
        stillAnswers();
    }

    /** A real 1000:1 bomb: 40 MB of blanks inside the sheet XML, a few kilobytes zipped. */
    @Test
    void aZipBombIsRefusedAsBadInput() throws Exception {
        byte[] bomb = inflate(attack(2, 1), "xl/worksheets/sheet1.xml", 40_000_000);
        assertThat(bomb.length).isLessThan(100_000);
        api.upload("qs_director", IMPORT, "bomb.xlsx", bomb, "period", "2026", "dryRun", "true")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        stillAnswers();
    }

    /**
     * The shared strings table is read before any row, so it has bounds of its own (issue 11: seven million
     * strings in it ran a 512 MB node out of memory): no more entries than cells may be read, and its text
     * counts against the characters a workbook may hold.
     */
    @Test
    void aSharedStringsTableIsBoundedByItself() throws Exception {
        api.upload("qs_director", IMPORT, "strings.xlsx", sharedStrings(attack(2, 1), 30_001, 3), "dryRun", "true")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message", containsString("30,000")));
        api.upload("qs_director", IMPORT, "text.xlsx", sharedStrings(attack(2, 1), 40, 30_000), "dryRun", "true")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message", containsString("1,000,000")));
        stillAnswers();
    }

    /** Cells of text count too, whether shared or written in the cell: a few huge ones pass the cap alone. */
    @Test
    void moreTextThanTheCapIsRefusedNamingIt() throws Exception {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            Sheet sheet = wb.createSheet("数据填报");
            Row codes = sheet.createRow(0);
            codes.createCell(0).setCellValue(ExcelExport.CODE_MARK);
            codes.createCell(2).setCellValue("t_note");
            for (int r = 1; r <= 40; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("JB01010101");
                row.createCell(2).setCellValue(noise(30_000, r));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.dispose();
            api.upload("qs_director", IMPORT, "notes.xlsx", out.toByteArray(), "period", "2026", "dryRun", "true")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("file"))
                    .andExpect(jsonPath("$.errors[0].message", containsString("1,000,000")));
        }
    }

    /** Letters that do not compress much, so the zip's bomb check does not answer first. */
    static String noise(int length, long seed) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    /** {@code xlsx} with its shared strings table replaced by {@code count} strings of {@code length} chars. */
    static byte[] sharedStrings(byte[] xlsx, int count, int length) throws Exception {
        java.nio.file.Path source = java.nio.file.Files.createTempFile("strings-source", ".xlsx");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean replaced = false;
        try {
            java.nio.file.Files.write(source, xlsx);
            try (ZipFile in = new ZipFile(source.toFile());
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                for (ZipEntry e : java.util.Collections.list(in.entries())) {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    if (e.getName().equals("xl/sharedStrings.xml")) {
                        replaced = true;
                        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns="
                                + "\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
                        for (int i = 0; i < count; i++) {
                            xml.append("<si><t>")
                                    .append(String.format("%08d", i))
                                    .append(noise(length - 8, i))
                                    .append("</t></si>");
                        }
                        zip.write(xml.append("</sst>").toString().getBytes(StandardCharsets.UTF_8));
                    } else {
                        zip.write(in.getInputStream(e).readAllBytes());
                    }
                    zip.closeEntry();
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(source);
        }
        assertThat(replaced).as("a shared strings table in the workbook").isTrue();
        return out.toByteArray();
    }

    static byte[] inflate(byte[] xlsx, String part, int blanks) throws Exception {
        java.nio.file.Path source = java.nio.file.Files.createTempFile("bomb-source", ".xlsx");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            java.nio.file.Files.write(source, xlsx);
            try (ZipFile in = new ZipFile(source.toFile());
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setLevel(9);
                for (ZipEntry e : java.util.Collections.list(in.entries())) {
                    byte[] content = in.getInputStream(e).readAllBytes();
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    if (e.getName().equals(part)) {
                        String xml = new String(content, StandardCharsets.UTF_8);
                        int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
                        zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                        byte[] chunk = " ".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII);
                        for (int i = 0; i < blanks / chunk.length; i++) {
                            zip.write(chunk);
                        }
                        zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                    } else {
                        zip.write(content);
                    }
                    zip.closeEntry();
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(source);
        }
        return out.toByteArray();
    }

    @Test
    void beyondTheConcurrentImportsOfANodeTheAnswerIs429WithRetryAfter() throws Exception {
        byte[] file = attack(2, 1);
        try (ImportGate.Permit a = gate.enter();
                ImportGate.Permit b = gate.enter()) {
            api.upload("qs_director", IMPORT, "x.xlsx", file, "period", "2026", "dryRun", "true")
                    .andExpect(status().isTooManyRequests())
                    .andExpect(header().exists("Retry-After"))
                    .andExpect(jsonPath("$.status").value(429));
            api.upload("qs_director", "/api/data-values/import-jobs", "x.xlsx", file)
                    .andExpect(status().isTooManyRequests())
                    .andExpect(header().exists("Retry-After"));
            // the screen says so next to the form
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                    "/collection/import")
                            .file(new org.springframework.mock.web.MockMultipartFile("file", "x.xlsx", null, file))
                            .with(org.springframework.security.test.web.servlet.request
                                    .SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("qs_director")))
                            .with(org.springframework.security.test.web.servlet.request
                                    .SecurityMockMvcRequestPostProcessors.csrf()))
                    .andExpect(status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(containsString("当前导入任务过多")));
        }
        api.upload("qs_director", IMPORT, "x.xlsx", file, "period", "2026", "dryRun", "true")
                .andExpect(status().isNotFound());
    }
}
