package org.dudao.org.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.org.Enrolment;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgTree;
import org.dudao.org.OrgUnitForm;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnitView;
import org.dudao.org.OrgUnits;
import org.dudao.shared.ExcelBook;
import org.dudao.shared.FieldProblem;
import org.dudao.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk import of the org tree from Excel. Every row is checked first; when any row fails nothing is written and
 * the report lists each rejected row and column. Parents may come later in the sheet than their children; a
 * code already in the database updates that unit.
 */
@Service
public class OrgImport {

    /** Column order of the import sheet. */
    static final String[] COLUMNS = {
        "code", "name", "kind", "parentCode", "primary", "junior", "senior", "address", "contactPerson", "contactPhone"
    };

    private static final int MAX_ROWS = 20_000;

    public record Rejected(int row, String column, String reason) {}

    public record Report(int created, int updated, int unchanged, boolean dryRun, List<Rejected> rejected) {}

    private record Line(int row, Map<String, String> cells) {
        String get(String column) {
            String v = cells.get(column);
            return v == null || v.isBlank() ? null : v.trim();
        }
    }

    private final OrgUnits units;
    private final OrgTree tree;
    private final OrgViews views;
    private final OrgUnitRepository repository;
    private final MessageSource messages;

    OrgImport(OrgUnits units, OrgTree tree, OrgViews views, OrgUnitRepository repository, MessageSource messages) {
        this.units = units;
        this.tree = tree;
        this.views = views;
        this.repository = repository;
        this.messages = messages;
    }

    @Transactional(rollbackFor = Exception.class)
    public Report importWorkbook(InputStream in, boolean dryRun) throws IOException {
        List<Line> lines;
        try (Workbook workbook = WorkbookFactory.create(in)) {
            lines = read(workbook.getSheetAt(0));
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.of("file", "org.import.not-excel");
        }
        List<Rejected> rejected = new ArrayList<>();
        if (lines.isEmpty()) {
            rejected.add(new Rejected(0, "file", text("org.import.empty")));
        }
        if (lines.size() > MAX_ROWS) {
            rejected.add(new Rejected(0, "file", text("org.import.too-many", MAX_ROWS)));
            return new Report(0, 0, 0, dryRun, rejected);
        }
        Map<String, Line> byCode = byCode(lines, rejected);
        List<Line> ordered = topologicalOrder(byCode, rejected);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        Set<String> rejectedRows = new HashSet<>();
        rejected.forEach(r -> rejectedRows.add(String.valueOf(r.row())));
        for (Line line : ordered) {
            if (!rejectedRows.contains(String.valueOf(line.row()))) {
                Outcome outcome = write(line, rejected);
                if (outcome != null) counts.merge(outcome, 1, Integer::sum);
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(Rejected::row));
        if (!rejected.isEmpty() || dryRun) {
            // all or nothing: undo every row written so far
            org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus()
                    .setRollbackOnly();
        }
        return rejected.isEmpty()
                ? new Report(
                        counts.getOrDefault(Outcome.CREATED, 0),
                        counts.getOrDefault(Outcome.UPDATED, 0),
                        counts.getOrDefault(Outcome.UNCHANGED, 0),
                        dryRun,
                        rejected)
                : new Report(0, 0, 0, dryRun, rejected);
    }

    /** The lines by code; formulas, missing and duplicate codes are rejected. */
    private Map<String, Line> byCode(List<Line> lines, List<Rejected> rejected) {
        Map<String, Line> byCode = new LinkedHashMap<>();
        for (Line line : lines) {
            line.cells().forEach((column, value) -> {
                if ("#FORMULA".equals(value)) {
                    rejected.add(new Rejected(line.row(), column, text("org.import.formula")));
                }
            });
            if (line.get("code") == null) {
                rejected.add(new Rejected(line.row(), "code", text("error.required")));
            }
            String code = line.get("code");
            if (code != null && byCode.putIfAbsent(code, line) != null) {
                rejected.add(new Rejected(line.row(), "code", text("org.import.duplicate", code)));
            }
        }
        return byCode;
    }

    private enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /** Creates or updates the unit of one line; null when the line was rejected (the reasons go to {@code rejected}). */
    private Outcome write(Line line, List<Rejected> rejected) {
        try {
            OrgUnitForm form = form(line);
            OrgUnit existing = repository.findByCode(line.get("code")).orElse(null);
            if (existing == null) {
                tree.create(form);
                return Outcome.CREATED;
            }
            OrgUnitView before = views.view(existing);
            OrgUnitView after = tree.update(existing.getCode(), form);
            return before.equals(after) ? Outcome.UNCHANGED : Outcome.UPDATED;
        } catch (InvalidInputException e) {
            for (FieldProblem p : e.problems()) {
                rejected.add(new Rejected(line.row(), column(p.field()), text(p.message(), p.args())));
            }
        } catch (org.dudao.shared.NotFoundException | org.dudao.shared.ForbiddenException e) {
            rejected.add(new Rejected(line.row(), "parentCode", text("org.import.out-of-scope")));
        } catch (NumberFormatException e) {
            rejected.add(new Rejected(line.row(), "enrolment", text("error.type-mismatch")));
        }
        return null;
    }

    /** Parents before children; a parent that is neither in the sheet nor in the database is reported. */
    private List<Line> topologicalOrder(Map<String, Line> byCode, List<Rejected> rejected) {
        List<Line> ordered = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>(); // 1 visiting, 2 done
        for (Line line : byCode.values()) {
            visit(line, byCode, state, ordered, rejected, new ArrayList<>());
        }
        return ordered;
    }

    private void visit(
            Line line,
            Map<String, Line> byCode,
            Map<String, Integer> state,
            List<Line> ordered,
            List<Rejected> rejected,
            List<String> chain) {
        String code = line.get("code");
        Integer s = state.get(code);
        if (s != null) {
            if (s == 1) {
                rejected.add(
                        new Rejected(line.row(), "parentCode", text("org.import.cycle", String.join(" → ", chain))));
                state.put(code, 2);
            }
            return;
        }
        state.put(code, 1);
        chain.add(code);
        String parent = line.get("parentCode");
        if (parent != null && byCode.containsKey(parent)) {
            visit(byCode.get(parent), byCode, state, ordered, rejected, chain);
        }
        state.put(code, 2);
        ordered.add(line);
    }

    private OrgUnitForm form(Line line) {
        Enrolment enrolment =
                new Enrolment(number(line.get("primary")), number(line.get("junior")), number(line.get("senior")));
        OrgKind kind = OrgKind.parse(line.get("kind")).orElse(null);
        if (kind != null && !kind.isSchool() && enrolment.isEmpty()) {
            enrolment = null;
        }
        return new OrgUnitForm(
                line.get("code"),
                line.get("name"),
                line.get("kind"),
                line.get("parentCode"),
                line.get("address"),
                line.get("contactPerson"),
                line.get("contactPhone"),
                null,
                enrolment,
                null,
                null);
    }

    private static Integer number(String text) {
        if (text == null) {
            return null;
        }
        String t = text.replace(",", "");
        if (t.endsWith(".0")) {
            t = t.substring(0, t.length() - 2);
        }
        return Integer.valueOf(t);
    }

    private List<Line> read(Sheet sheet) {
        DataFormatter formatter = new DataFormatter();
        List<Line> lines = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getRowNum() == 0) {
                continue; // header
            }
            Map<String, String> cells = new HashMap<>();
            boolean any = false;
            for (int c = 0; c < COLUMNS.length; c++) {
                Cell cell = row.getCell(c);
                String value = null;
                if (cell != null) {
                    value = cell.getCellType() == CellType.FORMULA
                            ? "=" + cell.getCellFormula() // formulas are refused below, not evaluated
                            : formatter.formatCellValue(cell);
                }
                if (value != null && !value.isBlank()) {
                    any = true;
                }
                cells.put(COLUMNS[c], value);
            }
            if (any) {
                lines.add(new Line(row.getRowNum() + 1, cells));
            }
        }
        for (Line line : lines) {
            line.cells().replaceAll((k, v) -> v != null && v.startsWith("=") ? "#FORMULA" : v);
        }
        return lines;
    }

    private String column(String field) {
        return field.startsWith("enrolment.") ? field.substring("enrolment.".length()) : field;
    }

    /** An empty workbook with the header row, for users to fill in. */
    public byte[] template() {
        return workbook(List.of());
    }

    /**
     * The subtree below {@code code} (the caller's whole scope when null) in the import layout, so a county can
     * export, edit in Excel and import back.
     */
    @Transactional(readOnly = true)
    public byte[] export(String code) {
        List<OrgUnitView> rows = new ArrayList<>();
        List<String> roots = code == null || code.isBlank()
                ? units.children(null).stream().map(OrgUnitView::code).toList()
                : List.of(code);
        for (String root : roots) {
            List<OrgUnitRef> subtree = units.subtree(root);
            for (int from = 0; from < subtree.size(); from += 500) {
                List<OrgUnitRef> chunk = subtree.subList(from, Math.min(subtree.size(), from + 500));
                rows.addAll(views.views(chunk.stream()
                        .map(r -> repository.getReferenceById(r.id()))
                        .toList()));
            }
        }
        return workbook(rows);
    }

    private byte[] workbook(List<OrgUnitView> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(text("org.import.sheet"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.length; c++) {
                header.createCell(c).setCellValue(text("org.import.column." + COLUMNS[c]));
                sheet.setColumnWidth(c, 18 * 256);
            }
            int r = 1;
            for (OrgUnitView v : rows) {
                Row row = sheet.createRow(r++);
                Object[] cells = {
                    v.code(),
                    v.name(),
                    v.kind(),
                    v.parentCode(),
                    v.enrolment().primary(),
                    v.enrolment().junior(),
                    v.enrolment().senior(),
                    v.address(),
                    v.contactPerson(),
                    v.contactPhone()
                };
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c] instanceof Integer n) {
                        row.createCell(c).setCellValue(n);
                    } else if (cells[c] != null) {
                        ExcelBook.text(row.createCell(c), cells[c].toString());
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
