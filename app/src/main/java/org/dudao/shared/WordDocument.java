package org.dudao.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A Word document (.docx) for the texts offices send upward: headings, paragraphs and plain tables in SimSun (宋体,
 * which every Chinese Word installation has), built in memory with POI.
 */
public final class WordDocument {

    private static final String FONT = "SimSun";

    private final XWPFDocument doc = new XWPFDocument();

    /** A centred bold line, e.g. a title (size in points). */
    public WordDocument title(String text, int size) {
        run(paragraph(ParagraphAlignment.CENTER), text, size, true);
        return this;
    }

    /** A centred plain line, e.g. a 文号 or an issuing office. */
    public WordDocument centred(String text) {
        run(paragraph(ParagraphAlignment.CENTER), text, 12, false);
        return this;
    }

    /** A right-aligned line: the issuing office or the date under a text. */
    public WordDocument signed(String text) {
        run(paragraph(ParagraphAlignment.RIGHT), text, 12, false);
        return this;
    }

    public WordDocument heading(String text) {
        run(paragraph(ParagraphAlignment.LEFT), text, 14, true);
        return this;
    }

    /** Body text; each line of {@code text} is a paragraph of its own. */
    public WordDocument text(String text) {
        for (String line : (text == null ? "" : text).split("\\R")) {
            run(paragraph(ParagraphAlignment.LEFT), line, 12, false);
        }
        return this;
    }

    /** A table with a bold header row; null cells stay empty. */
    public WordDocument table(List<String> header, List<List<String>> rows) {
        XWPFTable table = doc.createTable(rows.size() + 1, header.size());
        fill(table.getRow(0), header, true);
        for (int i = 0; i < rows.size(); i++) {
            fill(table.getRow(i + 1), rows.get(i), false);
        }
        return this;
    }

    public byte[] bytes() {
        try (doc;
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
            run(p, cells.get(c) == null ? "" : cells.get(c), 10, bold);
        }
    }

    private XWPFParagraph paragraph(ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        return p;
    }

    private static void run(XWPFParagraph p, String text, int size, boolean bold) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontSize(size);
        run.setBold(bold);
        run.setFontFamily(FONT);
    }
}
