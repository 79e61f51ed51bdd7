package org.dudao.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A small in-memory workbook for the tables people download from a screen: sheets with a bold, frozen header
 * row, numbers as numbers. Sheet names and headers are message keys, resolved in the reader's language by the
 * function the writer passes. (Large exports stream with SXSSF in collection.)
 */
public final class ExcelBook implements AutoCloseable {

    /** A named workbook to download. */
    public record File(String name, byte[] body) {}

    /** A share written as a number formatted 0.0% (so Excel can sum and chart it), e.g. 0.75 for 75.0%. */
    public record Percent(double fraction) {}

    private final Workbook wb = new XSSFWorkbook();
    private final CellStyle bold;
    private final CellStyle percent;
    private final Function<String, String> text;

    public ExcelBook(Function<String, String> text) {
        this.text = text;
        Font font = wb.createFont();
        font.setBold(true);
        bold = wb.createCellStyle();
        bold.setFont(font);
        percent = wb.createCellStyle();
        percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
    }

    /** A new sheet with its header row, both given as message keys. */
    public Sheet sheet(String nameKey, String... headerKeys) {
        Sheet sheet = wb.createSheet(text.apply(nameKey));
        Row header = sheet.createRow(0);
        for (int i = 0; i < headerKeys.length; i++) {
            var cell = header.createCell(i);
            cell.setCellValue(text.apply(headerKeys[i]));
            cell.setCellStyle(bold);
            sheet.setColumnWidth(i, 14 * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    public void row(Sheet sheet, Object... values) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        for (int i = 0; i < values.length; i++) {
            var cell = row.createCell(i);
            Object v = values[i];
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v instanceof Percent p) {
                cell.setCellValue(p.fraction());
                cell.setCellStyle(percent);
            } else if (v != null) {
                cell.setCellValue(v.toString());
            }
        }
    }

    /** The workbook as a file of the given name. */
    public File file(String name) {
        return new File(name, bytes());
    }

    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            wb.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
