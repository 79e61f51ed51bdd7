package org.dudao.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellPropertyType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellUtil;
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
                text(cell, v.toString());
            }
        }
    }

    /**
     * Writes text that no spreadsheet takes for a formula: text beginning with = + - @ (or a tab or carriage
     * return) is marked quote-prefixed, so Excel shows it as typed and a save as CSV cannot turn a name like
     * {@code =HYPERLINK(...)} into a live formula. The stored text stays the same, so imports read it back unchanged.
     */
    public static void text(Cell cell, String value) {
        cell.setCellValue(value);
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            CellUtil.setCellStyleProperty(cell, CellPropertyType.QUOTE_PREFIXED, true);
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
