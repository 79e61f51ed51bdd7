package org.dudao.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Text that a spreadsheet (or its CSV conversion) would take for a formula is written quote-prefixed. */
class ExcelBookTest {

    @Test
    void textThatLooksLikeAFormulaIsQuotePrefixedAndKeptAsTyped() throws Exception {
        byte[] bytes;
        try (ExcelBook book = new ExcelBook(key -> key)) {
            var sheet = book.sheet("sheet", "a", "b", "c", "d", "e", "f", "g");
            book.row(sheet, "=1+1", "+86 138", "-5", "@SUM(A1)", "\tx", "东湖小学", 42);
            bytes = book.bytes();
        }
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Row row = wb.getSheetAt(0).getRow(1);
            for (int c = 0; c < 5; c++) {
                Cell cell = row.getCell(c);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getCellStyle().getQuotePrefixed())
                        .as("column %d", c)
                        .isTrue();
            }
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("=1+1");
            assertThat(row.getCell(5).getCellStyle().getQuotePrefixed()).isFalse();
            assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(42.0);
        }
    }
}
