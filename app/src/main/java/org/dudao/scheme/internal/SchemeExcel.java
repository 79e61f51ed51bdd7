package org.dudao.scheme.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.scheme.SchemeDoc;
import org.dudao.shared.ExcelBook;
import org.dudao.shared.FieldProblem;
import org.dudao.shared.InvalidInputException;

/**
 * A scheme as an Excel workbook: sheet 方案 (code, name, total), sheet 指标 with one row per indicator in tree
 * order naming its parent's code, sheet 等级 and sheet 否决项. Reading accepts the columns in any order (by
 * header) and reports bad cells by sheet and cell ("指标!E5").
 */
public final class SchemeExcel {

    static final String INFO = "方案", INDICATORS = "指标", GRADES = "等级", VETOES = "否决项";
    static final String[] INDICATOR_COLUMNS = {
        "编码", "名称", "上级编码", "层级", "分值", "加分项", "规则类型", "数据项", "比较符", "标准值", "小学标准", "初中标准", "高中标准", "按生均", "每次分值"
    };
    static final String[] GRADE_COLUMNS = {"等级名称", "下限", "不含下限"};
    static final String[] VETO_COLUMNS = {"编码", "名称", "数据项", "比较符", "比较值", "封顶等级"};
    private static final int MAX_ROWS = 5_000;

    private SchemeExcel() {}

    // ---- write --------------------------------------------------------------------------------------------

    public static byte[] write(SchemeDoc doc) {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);

            writeInfo(wb.createSheet(INFO), doc, bold);
            writeIndicatorSheet(wb, wb.createSheet(INDICATORS), doc, bold);
            writeGrades(wb.createSheet(GRADES), doc, bold);
            writeVetoes(wb.createSheet(VETOES), doc, bold);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeInfo(Sheet info, SchemeDoc doc, CellStyle bold) {
        String[][] rows = {
            {"方案编码", doc.code()},
            {"方案名称", doc.name()},
            {"总分", doc.maxScore() == null ? "" : num(doc.maxScore())},
            {"版本", doc.version() == null ? "" : String.valueOf(doc.version())},
            {"所属单位", doc.orgUnit() == null ? "" : doc.orgUnitName() + "（" + doc.orgUnit() + "）"}
        };
        for (int i = 0; i < rows.length; i++) {
            Row r = info.createRow(i);
            r.createCell(0).setCellValue(rows[i][0]);
            r.getCell(0).setCellStyle(bold);
            ExcelBook.text(r.createCell(1), rows[i][1]);
        }
        if (doc.maxScore() != null) info.getRow(2).getCell(1).setCellValue(doc.maxScore());
        info.setColumnWidth(0, 12 * 256);
        info.setColumnWidth(1, 50 * 256);
    }

    /** One row per indicator, indented by level. */
    private static void writeIndicatorSheet(XSSFWorkbook wb, Sheet ind, SchemeDoc doc, CellStyle bold) {
        header(ind, INDICATOR_COLUMNS, bold);
        List<CellStyle> indents = new ArrayList<>();
        for (int level = 0; level < 6; level++) {
            CellStyle s = wb.createCellStyle();
            s.setIndention((short) (level * 2));
            indents.add(s);
        }
        int[] row = {1};
        writeIndicators(ind, doc.indicators(), null, 1, row, indents);
        int[] widths = {10, 36, 10, 6, 8, 8, 12, 22, 8, 10, 10, 10, 10, 8, 10};
        for (int c = 0; c < widths.length; c++) ind.setColumnWidth(c, widths[c] * 256);
        ind.createFreezePane(0, 1);
    }

    private static void writeGrades(Sheet grades, SchemeDoc doc, CellStyle bold) {
        header(grades, GRADE_COLUMNS, bold);
        List<SchemeDoc.Grade> gs = doc.grades() == null ? List.of() : doc.grades();
        for (int i = 0; i < gs.size(); i++) {
            Row r = grades.createRow(i + 1);
            ExcelBook.text(r.createCell(0), gs.get(i).name());
            if (gs.get(i).min() != null) r.createCell(1).setCellValue(gs.get(i).min());
            r.createCell(2).setCellValue(Boolean.TRUE.equals(gs.get(i).minExclusive()) ? "是" : "否");
        }
        grades.setColumnWidth(0, 16 * 256);
    }

    private static void writeVetoes(Sheet vetoes, SchemeDoc doc, CellStyle bold) {
        header(vetoes, VETO_COLUMNS, bold);
        List<SchemeDoc.Veto> vs = doc.vetoes() == null ? List.of() : doc.vetoes();
        for (int i = 0; i < vs.size(); i++) {
            SchemeDoc.Veto v = vs.get(i);
            Row r = vetoes.createRow(i + 1);
            ExcelBook.text(r.createCell(0), v.code());
            ExcelBook.text(r.createCell(1), v.name());
            if (v.when() != null) {
                ExcelBook.text(r.createCell(2), v.when().item());
                ExcelBook.text(r.createCell(3), v.when().op());
                if (v.when().value() != null)
                    r.createCell(4).setCellValue(v.when().value());
            }
            ExcelBook.text(r.createCell(5), v.capAt());
        }
        vetoes.setColumnWidth(1, 30 * 256);
        vetoes.setColumnWidth(2, 22 * 256);
        vetoes.setColumnWidth(5, 14 * 256);
    }

    private static void writeIndicators(
            Sheet sheet,
            List<SchemeDoc.Indicator> level,
            String parent,
            int depth,
            int[] row,
            List<CellStyle> indents) {
        if (level == null) return;
        for (SchemeDoc.Indicator d : level) {
            Row r = sheet.createRow(row[0]++);
            text(r, 0, d.code());
            // the indent first: a quote prefix for a name like "=..." goes on top of it
            r.createCell(1).setCellStyle(indents.get(Math.min(depth - 1, indents.size() - 1)));
            if (d.name() != null) ExcelBook.text(r.getCell(1), d.name());
            text(r, 2, parent);
            r.createCell(3).setCellValue(depth);
            if (d.points() != null) r.createCell(4).setCellValue(d.points());
            text(r, 5, d.isBonus() ? "是" : null);
            SchemeDoc.Rule rule = d.rule();
            boolean leaf = d.children() == null || d.children().isEmpty();
            if (leaf && rule != null) {
                text(r, 6, rule.type());
                text(r, 7, rule.item());
                text(r, 8, rule.op());
                SchemeDoc.Standard s = rule.standard();
                if (s != null && s.uniform()) {
                    r.createCell(9).setCellValue(s.primary());
                } else if (s != null) {
                    if (s.primary() != null) r.createCell(10).setCellValue(s.primary());
                    if (s.junior() != null) r.createCell(11).setCellValue(s.junior());
                    if (s.senior() != null) r.createCell(12).setCellValue(s.senior());
                }
                text(r, 13, Boolean.TRUE.equals(rule.perPupil()) ? "是" : null);
                if (rule.perOccurrence() != null) r.createCell(14).setCellValue(rule.perOccurrence());
            }
            if (!leaf) writeIndicators(sheet, d.children(), d.code(), depth + 1, row, indents);
        }
    }

    private static void header(Sheet sheet, String[] columns, CellStyle bold) {
        Row h = sheet.createRow(0);
        for (int c = 0; c < columns.length; c++) {
            h.createCell(c).setCellValue(columns[c]);
            h.getCell(c).setCellStyle(bold);
        }
    }

    private static void text(Row r, int c, String s) {
        if (s != null) ExcelBook.text(r.createCell(c), s);
        else if (c == 1) r.createCell(c);
    }

    // ---- read ---------------------------------------------------------------------------------------------

    /** Reads a workbook written by {@link #write} (or typed by hand in the same layout); indicators stay flat. */
    public static SchemeDoc read(InputStream in) {
        try (Workbook wb = WorkbookFactory.create(in)) {
            return new Reader(wb).read();
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException iie) throw iie;
            throw InvalidInputException.of("file", "scheme.import.not-excel");
        }
    }

    private static final class Reader {
        private final Workbook wb;
        private final DataFormatter formatter = new DataFormatter(Locale.ROOT);
        private final List<FieldProblem> problems = new ArrayList<>();

        Reader(Workbook wb) {
            this.wb = wb;
        }

        SchemeDoc read() {
            Sheet info = sheet(INFO, 0);
            Sheet ind = sheet(INDICATORS, 1);
            if (info == null || ind == null) {
                throw InvalidInputException.of("file", "scheme.import.sheets-missing");
            }
            String code = null, name = null;
            Double max = null;
            for (Row r : info) {
                String key = cell(r, 0);
                if (key == null) continue;
                switch (key) {
                    case "方案编码", "code" -> code = cell(r, 1);
                    case "方案名称", "name" -> name = cell(r, 1);
                    case "总分", "maxScore" -> max = number(INFO, r, 1, "总分");
                    default -> {}
                }
            }
            List<SchemeDoc.Indicator> indicators = new ArrayList<>();
            Map<String, Integer> cols = columns(ind, INDICATOR_COLUMNS);
            for (int i = 1; i <= Math.min(ind.getLastRowNum(), MAX_ROWS); i++) {
                Row r = ind.getRow(i);
                if (blankRow(r)) continue;
                String type = at(r, cols, "规则类型");
                SchemeDoc.Standard standard = null;
                Double uniform = num(INDICATORS, r, cols, "标准值");
                Double p = num(INDICATORS, r, cols, "小学标准"),
                        j = num(INDICATORS, r, cols, "初中标准"),
                        s = num(INDICATORS, r, cols, "高中标准");
                if (uniform != null) {
                    standard = SchemeDoc.Standard.of(uniform);
                } else if (p != null || j != null || s != null) {
                    standard = new SchemeDoc.Standard(p, j, s);
                }
                SchemeDoc.Rule rule = type == null
                        ? null
                        : new SchemeDoc.Rule(
                                type,
                                at(r, cols, "数据项"),
                                at(r, cols, "比较符"),
                                standard,
                                yes(at(r, cols, "按生均")) ? Boolean.TRUE : null,
                                num(INDICATORS, r, cols, "每次分值"));
                String parent = at(r, cols, "上级编码");
                indicators.add(new SchemeDoc.Indicator(
                        at(r, cols, "编码"),
                        at(r, cols, "名称"),
                        num(INDICATORS, r, cols, "分值"),
                        yes(at(r, cols, "加分项")) ? Boolean.TRUE : null,
                        rule,
                        null,
                        parent == null ? "" : parent));
            }
            List<SchemeDoc.Grade> grades = new ArrayList<>();
            Sheet g = sheet(GRADES, 2);
            if (g != null) {
                Map<String, Integer> gc = columns(g, GRADE_COLUMNS);
                for (int i = 1; i <= Math.min(g.getLastRowNum(), MAX_ROWS); i++) {
                    Row r = g.getRow(i);
                    if (blankRow(r)) continue;
                    grades.add(new SchemeDoc.Grade(
                            at(r, gc, "等级名称"), num(GRADES, r, gc, "下限"), yes(at(r, gc, "不含下限")) ? Boolean.TRUE : null));
                }
            }
            List<SchemeDoc.Veto> vetoes = new ArrayList<>();
            Sheet v = sheet(VETOES, 3);
            if (v != null) {
                Map<String, Integer> vc = columns(v, VETO_COLUMNS);
                for (int i = 1; i <= Math.min(v.getLastRowNum(), MAX_ROWS); i++) {
                    Row r = v.getRow(i);
                    if (blankRow(r)) continue;
                    vetoes.add(new SchemeDoc.Veto(
                            at(r, vc, "编码"),
                            at(r, vc, "名称"),
                            new SchemeDoc.Condition(at(r, vc, "数据项"), at(r, vc, "比较符"), num(VETOES, r, vc, "比较值")),
                            at(r, vc, "封顶等级")));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            // A top-level row has parent "", which tells the tree builder the list is flat.
            boolean anyParent = indicators.stream().anyMatch(x -> !x.parent().isEmpty());
            if (!anyParent) {
                indicators = indicators.stream()
                        .map(x -> new SchemeDoc.Indicator(
                                x.code(), x.name(), x.points(), x.bonus(), x.rule(), null, null))
                        .toList();
            }
            return new SchemeDoc(code, name, max, grades, indicators, vetoes, null, null, null, null, null, null);
        }

        private Sheet sheet(String name, int index) {
            Sheet s = wb.getSheet(name);
            if (s == null && index < wb.getNumberOfSheets()) {
                s = wb.getSheetAt(index);
            }
            return s;
        }

        /** Header text → column index; missing headers fall back to the standard position. */
        private Map<String, Integer> columns(Sheet sheet, String[] expected) {
            Map<String, Integer> map = new HashMap<>();
            Row h = sheet.getRow(0);
            if (h != null) {
                for (Cell c : h) {
                    String t = formatter.formatCellValue(c).trim();
                    for (String e : expected) {
                        if (e.equals(t)) map.put(e, c.getColumnIndex());
                    }
                }
            }
            for (int i = 0; i < expected.length; i++) {
                map.putIfAbsent(expected[i], i);
            }
            return map;
        }

        private String at(Row r, Map<String, Integer> cols, String column) {
            return cell(r, cols.get(column));
        }

        private Double num(String sheet, Row r, Map<String, Integer> cols, String column) {
            return number(sheet, r, cols.get(column), column);
        }

        private Double number(String sheet, Row r, int c, String column) {
            Cell cell = r == null ? null : r.getCell(c);
            if (cell == null) return null;
            if (cell.getCellType() == CellType.NUMERIC
                    || cell.getCellType() == CellType.FORMULA
                            && cell.getCachedFormulaResultType() == CellType.NUMERIC) {
                return cell.getNumericCellValue();
            }
            String t = cell(r, c);
            if (t == null) return null;
            try {
                return Double.parseDouble(t.replace(",", ""));
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(
                        sheet + "!" + new CellReference(r.getRowNum(), c).formatAsString(false),
                        "scheme.import.not-a-number",
                        column,
                        t));
                return null;
            }
        }

        private String cell(Row r, int c) {
            if (r == null) return null;
            Cell cell = r.getCell(c);
            if (cell == null) return null;
            String t = formatter.formatCellValue(cell).trim();
            return t.isEmpty() ? null : t;
        }

        private boolean blankRow(Row r) {
            if (r == null) return true;
            for (Cell c : r) {
                if (!formatter.formatCellValue(c).isBlank()) return false;
            }
            return true;
        }

        private static boolean yes(String s) {
            return s != null
                    && switch (s.trim().toLowerCase(Locale.ROOT)) {
                        case "是", "y", "yes", "true", "1", "√" -> true;
                        default -> false;
                    };
        }
    }

    private static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
