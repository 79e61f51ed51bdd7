package org.dudao.collection.internal.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dudao.collection.internal.ImportLimits;
import org.dudao.collection.internal.ValueBatches;
import org.dudao.data.DataItem;
import org.dudao.data.DataItems;
import org.dudao.data.PeriodType;
import org.dudao.data.ValueType;
import org.dudao.shared.Access;
import org.dudao.shared.ExcelBook;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Imports a collection workbook (as exported by {@link ExcelExport}) read in streaming mode. Every cell is
 * checked; the report lists sheet, row, column and reason for each problem, and nothing is written when any
 * cell fails. An empty cell clears the stored value, so re-importing an unchanged export changes nothing.
 */
@Service
public class ExcelImport {

    static final int MAX_COLUMNS = 300;

    /** One problem of the workbook: where and why. */
    public record CellProblem(String sheet, int row, String column, String reason) {}

    /**
     * The outcome: {@code rejected} lists the first {@link ImportLimits#maxRejections()} problems in sheet and
     * row order, {@code rejectedTotal} counts them all and {@code counts} by kind (INVALID for the cells the
     * workbook itself got wrong).
     */
    public record Report(
            int imported,
            int updated,
            int unchanged,
            boolean dryRun,
            String period,
            List<CellProblem> rejected,
            Set<ValueBatches.Kind> kinds,
            int rejectedTotal,
            Map<ValueBatches.Kind, Integer> counts) {

        public boolean ok() {
            return rejectedTotal == 0;
        }
    }

    /** Progress of a running import, for the screen that polls it. */
    public interface Listener {
        void phase(String phase);

        void rows(int read, int total);
    }

    private final ValueBatches batches;
    private final DataItems items;
    private final MessageSource messages;
    private final ImportLimits limits;

    ExcelImport(ValueBatches batches, DataItems items, MessageSource messages, ImportLimits limits) {
        this.batches = batches;
        this.items = items;
        this.messages = messages;
        this.limits = limits;
    }

    /** Only who holds a data-entry role somewhere may import: checked before a byte of the file is read. */
    public static void requireImporter() {
        if (!mayImport()) {
            throw new ForbiddenException("collection.import.no-role");
        }
    }

    /** Whether the current user may import workbooks: data entry somewhere (the screens' import links). */
    public static boolean mayImport() {
        return Access.holdsAny(Role.DATA_ENTRY);
    }

    private record Where(String sheet, int row, int column, String item) {}

    /** Reads and imports {@code file}; {@code period} overrides the one stored in the workbook. */
    public Report importFile(Path file, String period, boolean dryRun, Listener listener) throws IOException {
        requireImporter();
        listener.phase("READING");
        WorkbookRows rows = new WorkbookRows(items.all(), listener);
        read(file, rows);
        listener.rows(rows.read, rows.total);
        if (rows.codesBySheet.isEmpty()) {
            throw InvalidInputException.of("file", "collection.import.no-codes");
        }
        String p = period != null && !period.isBlank() ? period.trim() : rows.metaPeriod;
        if (p == null) {
            throw InvalidInputException.of("period", "error.required");
        }
        PeriodType.require(p);
        Problems problems = new Problems();
        rows.problems.forEach(pr -> problems.add(pr, ValueBatches.Kind.INVALID));
        if (rows.unlisted > 0) {
            problems.total += rows.unlisted;
            problems.counts.merge(ValueBatches.Kind.INVALID, rows.unlisted, Integer::sum);
        }
        if (rows.entries.isEmpty() && problems.total == 0) {
            throw InvalidInputException.of("file", "collection.import.empty");
        }
        if (problems.total > 0) {
            // cell problems first: also check the rest (dry run), so one report lists everything
            if (!rows.entries.isEmpty()) {
                problems.addAll(batches.write(p, rows.entries, true, "EXCEL"), rows.where);
            }
            return problems.report(0, 0, 0, dryRun, p);
        }
        listener.phase("WRITING");
        ValueBatches.Report result = batches.write(p, rows.entries, dryRun, "EXCEL");
        problems.addAll(result, rows.where);
        return problems.report(result.imported(), result.updated(), result.unchanged(), dryRun, p);
    }

    /** Streams the workbook into {@code rows}; a passed cap or a bomb is bad input naming the limit. */
    private void read(Path file, WorkbookRows rows) {
        try {
            SheetReader.read(
                    file,
                    rows,
                    new SheetReader.Bounds(limits.maxUnpackedBytes(), limits.maxCells(), limits.maxTextChars()));
        } catch (SheetReader.NotExcelException e) {
            throw InvalidInputException.of("file", "collection.import.not-excel");
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SheetReader.LimitException l) {
                    throw InvalidInputException.of("file", l.key, l.limit);
                }
                if (t instanceof SheetReader.TooLargeException) {
                    throw InvalidInputException.of(
                            "file", "collection.import.too-large", limits.maxUnpackedBytes() / (1024 * 1024));
                }
            }
            throw e;
        }
    }

    /** The report's problems: the first {@link ImportLimits#maxRejections()} listed, all counted by kind. */
    private final class Problems {
        final List<CellProblem> listed = new ArrayList<>();
        final Map<ValueBatches.Kind, Integer> counts = new EnumMap<>(ValueBatches.Kind.class);
        int total;

        void add(CellProblem problem, ValueBatches.Kind kind) {
            total++;
            counts.merge(kind, 1, Integer::sum);
            listed.add(problem);
        }

        /** The batch's rejections, at the cells they came from. */
        void addAll(ValueBatches.Report result, List<Where> where) {
            for (ValueBatches.Rejected r : result.rejected()) {
                listed.add(problem(where.get(r.index()), r.reason()));
            }
            total += result.rejectedTotal();
            result.counts().forEach((kind, n) -> counts.merge(kind, n, Integer::sum));
        }

        Report report(int imported, int updated, int unchanged, boolean dryRun, String period) {
            listed.sort(Comparator.comparing(CellProblem::sheet)
                    .thenComparingInt(CellProblem::row)
                    .thenComparing(CellProblem::column));
            List<CellProblem> first =
                    new ArrayList<>(listed.subList(0, Math.min(listed.size(), limits.maxRejections())));
            Set<ValueBatches.Kind> kinds = EnumSet.noneOf(ValueBatches.Kind.class);
            kinds.addAll(counts.keySet());
            return new Report(imported, updated, unchanged, dryRun, period, first, kinds, total, Map.copyOf(counts));
        }
    }

    /**
     * Collects a workbook's entries while it streams by: the period from the meta sheet, per sheet the row of
     * item codes, then one entry per unit row and item column, and every cell problem with its place.
     */
    private final class WorkbookRows implements SheetReader.Rows {

        private final Map<String, DataItem> catalogue;
        private final Listener listener;
        final List<ValueBatches.Entry> entries = new ArrayList<>();
        final List<Where> where = new ArrayList<>();
        /** The workbook's own problems, the first {@link ImportLimits#maxRejections()}; the rest are counted. */
        final List<CellProblem> problems = new ArrayList<>();

        int unlisted;
        long cells;
        final Map<String, List<String>> codesBySheet = new HashMap<>();
        String metaPeriod;
        int total;
        int read;

        WorkbookRows(Map<String, DataItem> catalogue, Listener listener) {
            this.catalogue = catalogue;
            this.listener = listener;
        }

        void note(CellProblem p) {
            if (problems.size() < limits.maxRejections()) {
                problems.add(p);
            } else {
                unlisted++;
            }
        }

        @Override
        public void sheet(String name, int dimensionRows) {
            if (!ExcelExport.META_SHEET.equals(name)) {
                total += dimensionRows;
            }
        }

        @Override
        public void row(String sheet, SheetReader.Line line) {
            if (ExcelExport.META_SHEET.equals(sheet)) {
                SheetReader.Cell key = line.cells().get(0);
                SheetReader.Cell value = line.cells().get(1);
                if (key != null && "period".equals(key.value()) && value != null) {
                    metaPeriod = value.value().trim();
                }
                return;
            }
            read++;
            if (read % 500 == 0) {
                listener.rows(read, total);
            }
            if (read > limits.maxRows()) {
                throw new SheetReader.LimitException("collection.import.too-many", limits.maxRows());
            }
            cells += line.cells().size();
            if (cells > limits.maxCells()) {
                throw new SheetReader.LimitException("collection.import.too-many-cells", limits.maxCells());
            }
            SheetReader.Cell first = line.cells().get(0);
            if (first != null && ExcelExport.CODE_MARK.equals(first.value())) {
                codesBySheet.put(sheet, codeRow(sheet, line));
                return;
            }
            List<String> codes = codesBySheet.get(sheet);
            if (codes != null) { // null for the visible header rows above the code row
                rowEntries(sheet, line, codes);
            }
        }

        /** The hidden row of item codes, one per column; unknown codes are problems. */
        private List<String> codeRow(String sheet, SheetReader.Line line) {
            List<String> codes = new ArrayList<>();
            line.cells().forEach((col, cell) -> {
                while (codes.size() < col) {
                    codes.add(null);
                }
                codes.add(cell.value() == null ? null : cell.value().trim());
            });
            if (codes.size() > MAX_COLUMNS) {
                note(new CellProblem(sheet, line.row(), "", text("collection.import.too-wide", MAX_COLUMNS)));
            }
            for (int c = 2; c < codes.size(); c++) {
                if (codes.get(c) != null && !catalogue.containsKey(codes.get(c))) {
                    note(new CellProblem(
                            sheet,
                            line.row(),
                            SheetReader.letter(c),
                            text("collection.error.item-unknown", codes.get(c))));
                }
            }
            return codes;
        }

        private void rowEntries(String sheet, SheetReader.Line line, List<String> codes) {
            String unit = unitCode(line.cells().get(0));
            if (unit == null || unit.isEmpty()) {
                if (line.cells().keySet().stream().anyMatch(c -> c >= 2)) {
                    note(new CellProblem(sheet, line.row(), "A", text("collection.import.unit-missing")));
                }
                return;
            }
            for (int c = 2; c < codes.size(); c++) {
                String code = codes.get(c);
                if (code == null || !catalogue.containsKey(code)) {
                    continue;
                }
                DataItem item = catalogue.get(code);
                SheetReader.Cell cell = line.cells().get(c);
                String problem = cell == null ? null : cellProblem(cell);
                if (problem != null) {
                    note(new CellProblem(sheet, line.row(), column(c, item), problem));
                    continue;
                }
                entries.add(new ValueBatches.Entry(unit, code, cell == null ? null : value(cell, item), null));
                where.add(new Where(sheet, line.row(), c, item.getName()));
            }
        }

        /** Formulas and error cells are refused: the import takes values, not what a formula made of them. */
        private String cellProblem(SheetReader.Cell cell) {
            return switch (cell.kind()) {
                case FORMULA -> text("collection.import.formula");
                case ERROR -> text("collection.import.error-cell", cell.value());
                default -> null;
            };
        }
    }

    private static String unitCode(SheetReader.Cell unitCell) {
        String unit = unitCell == null || unitCell.value() == null
                ? null
                : unitCell.value().trim();
        return unitCell != null && unitCell.kind() == SheetReader.Kind.NUMBER ? plainNumber(unit) : unit;
    }

    private static String value(SheetReader.Cell cell, DataItem item) {
        if (cell.kind() == SheetReader.Kind.NUMBER) {
            return item.getValueType() == ValueType.DATE ? date(cell.value()) : plainNumber(cell.value());
        }
        return cell.value();
    }

    private CellProblem problem(Where w, String reason) {
        return new CellProblem(w.sheet(), w.row(), SheetReader.letter(w.column()) + " " + w.item(), reason);
    }

    private static String column(int c, DataItem item) {
        return SheetReader.letter(c) + " " + item.getName();
    }

    private static String plainNumber(String raw) {
        try {
            BigDecimal n = new BigDecimal(raw.trim()).stripTrailingZeros();
            return (n.scale() < 0 ? n.setScale(0) : n).toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    private static String date(String raw) {
        try {
            LocalDate d = DateUtil.getLocalDateTime(Double.parseDouble(raw)).toLocalDate();
            return d.toString();
        } catch (RuntimeException e) {
            return raw;
        }
    }

    /**
     * The problems as a workbook to download (sheet, row, column, reason), written row by row to a temporary
     * file; the caller streams it and deletes it ({@link ErrorReports#download}).
     */
    public Path errorReport(List<CellProblem> problems) throws IOException {
        Path file = Files.createTempFile("dudao-import-errors", ".xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200);
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet(text("collection.import.report-sheet"));
            Row header = sheet.createRow(0);
            String[] titles = {
                "collection.import.sheet",
                "collection.import.row",
                "collection.import.column",
                "collection.import.reason"
            };
            for (int c = 0; c < titles.length; c++) {
                header.createCell(c).setCellValue(text(titles[c]));
            }
            sheet.setColumnWidth(0, 16 * 256);
            sheet.setColumnWidth(2, 24 * 256);
            sheet.setColumnWidth(3, 60 * 256);
            int r = 1;
            for (CellProblem p : problems) {
                Row row = sheet.createRow(r++);
                ExcelBook.text(row.createCell(0), p.sheet());
                row.createCell(1).setCellValue(p.row());
                row.createCell(2).setCellValue(p.column());
                ExcelBook.text(row.createCell(3), p.reason());
            }
            wb.write(out);
            wb.dispose();
            return file;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
