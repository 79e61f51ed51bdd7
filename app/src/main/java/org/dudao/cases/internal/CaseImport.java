package org.dudao.cases.internal;

import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.shared.Access;
import org.dudao.shared.ExcelBook;
import org.dudao.shared.FieldProblem;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk import of a day's 12345 work orders, from the .xlsx template or a JSON array: every row goes through the
 * same intake as a call typed on screen, all in one transaction. One rejected row rejects the file: nothing is
 * written, and the answer lists each rejection as {@code rows[n].field} (n = the sheet's row number, or the
 * position in the JSON array from 1) with the problem. Bounded by {@code dudao.import.*} like the data imports:
 * rows, bytes unpacked from the workbook and rejections listed (the rest counted).
 */
@Service
public class CaseImport {

    /** The template's columns, in order: the fields of {@link Cases.NewCase}. */
    static final List<String> COLUMNS = List.of(
            "channel",
            "category",
            "description",
            "unit",
            "receivedAt",
            "reporterName",
            "reporterPhone",
            "anonymous",
            "address",
            "latitude",
            "longitude");

    public record Result(int imported, List<Long> ids) {}

    private final Cases cases;
    private final CaseCategories categories;
    private final EntityManager em;
    private final MessageSource messages;
    private final int maxRows;
    private final long maxUnpackedBytes;
    private final int maxRejections;

    CaseImport(
            Cases cases,
            CaseCategories categories,
            EntityManager em,
            MessageSource messages,
            @Value("${dudao.import.max-rows:200000}") int maxRows,
            @Value("${dudao.import.max-unpacked-bytes:209715200}") long maxUnpackedBytes,
            @Value("${dudao.import.max-rejections:1000}") int maxRejections) {
        this.cases = cases;
        this.categories = categories;
        this.em = em;
        this.messages = messages;
        this.maxRows = maxRows;
        this.maxUnpackedBytes = maxUnpackedBytes;
        this.maxRejections = maxRejections;
    }

    /** The work orders of a JSON array, numbered from 1. */
    @Transactional
    public Result fromJson(List<Cases.NewCase> orders) {
        requireIntake();
        if (orders == null || orders.isEmpty()) throw InvalidInputException.of("rows", "cases.import.empty");
        if (orders.size() > maxRows) throw InvalidInputException.of("rows", "cases.import.too-many", maxRows);
        List<Numbered> rows = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            rows.add(new Numbered(i + 1, orders.get(i) == null ? blank() : withChannelCode(orders.get(i))));
        }
        return run(rows);
    }

    /** The work orders of the template's first sheet, numbered as the sheet numbers its rows (the header is 1). */
    @Transactional
    public Result fromExcel(byte[] xlsx) {
        requireIntake();
        checkUnpacked(xlsx);
        List<Numbered> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter(Locale.ROOT);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            if (sheet.getLastRowNum() > maxRows) {
                throw InvalidInputException.of("file", "cases.import.too-many", maxRows);
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < COLUMNS.size(); c++) {
                    cells.add(cell(row == null ? null : row.getCell(c), format));
                }
                if (cells.stream().allMatch(s -> s == null)) continue;
                rows.add(numbered(r + 1, cells));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) throw invalid;
            throw InvalidInputException.of("file", "cases.import.not-xlsx");
        }
        if (rows.isEmpty()) throw InvalidInputException.of("file", "cases.import.empty");
        return run(rows);
    }

    /** Every row through intake; any rejection rolls all back and lists where. */
    private Result run(List<Numbered> rows) {
        List<FieldProblem> rejected = new ArrayList<>();
        int more = 0;
        List<Long> ids = new ArrayList<>();
        Cases.Lookups lookups = new Cases.Lookups(cases.categories());
        String createdBy = Access.currentUsername();
        for (Numbered n : rows) {
            List<FieldProblem> problems = new ArrayList<>();
            if (n.rejection() != null) {
                problems.add(n.rejection());
            } else {
                try {
                    ids.add(cases.intake(n.order(), createdBy, null, lookups).getId());
                    // the orders written so far need no watching: keeps every flush as cheap as the first
                    em.flush();
                    em.clear();
                } catch (InvalidInputException e) {
                    problems.addAll(e.problems());
                } catch (ForbiddenException e) {
                    problems.add(new FieldProblem(
                            "unit",
                            "collection.error.unit-unknown",
                            n.order().unit().strip()));
                }
            }
            for (FieldProblem p : problems) {
                if (rejected.size() < maxRejections) {
                    rejected.add(new FieldProblem("rows[" + n.row() + "]." + p.field(), p.message(), p.args()));
                } else {
                    more++;
                }
            }
        }
        if (!rejected.isEmpty()) {
            if (more > 0) rejected.add(new FieldProblem("rows", "cases.import.more", more));
            throw new InvalidInputException(rejected);
        }
        return new Result(ids.size(), ids);
    }

    /** The template: the header row in the reader's language and a sheet of the channel and category codes. */
    public ExcelBook.File template() {
        requireIntake();
        try (ExcelBook book = new ExcelBook(this::text)) {
            book.sheet(
                    "cases.import.sheet",
                    COLUMNS.stream().map(c -> "cases.import.col." + c).toArray(String[]::new));
            Sheet codes = book.sheet("cases.import.sheet.codes", "cases.import.col.code", "cases.import.col.meaning");
            for (Channel ch : Channel.values()) {
                book.row(codes, ch.name(), text("cases.channel." + ch.name()));
            }
            for (CategoryView k : categories.list()) {
                book.row(codes, k.code(), k.name() + " (" + k.timeLimit() + ")");
            }
            return book.file(text("cases.import.file") + ".xlsx");
        }
    }

    // ---- reading ------------------------------------------------------------------------------------------

    /** A row as typed, or, when a cell cannot be read as its field (a number that is none), why not. */
    private record Numbered(int row, Cases.NewCase order, FieldProblem rejection) {

        Numbered(int row, Cases.NewCase order) {
            this(row, order, null);
        }
    }

    private Numbered numbered(int row, List<String> c) {
        Double latitude;
        Double longitude;
        try {
            latitude = number(c.get(9));
        } catch (NumberFormatException e) {
            return new Numbered(row, null, new FieldProblem("latitude", "cases.import.number"));
        }
        try {
            longitude = number(c.get(10));
        } catch (NumberFormatException e) {
            return new Numbered(row, null, new FieldProblem("longitude", "cases.import.number"));
        }
        Boolean anonymous = yes(c.get(7));
        if (anonymous == null && c.get(7) != null) {
            return new Numbered(row, null, new FieldProblem("anonymous", "cases.import.yes-no"));
        }
        return new Numbered(
                row,
                withChannelCode(new Cases.NewCase(
                        c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6), anonymous, c.get(8),
                        latitude, longitude, null)));
    }

    /** A cell as text: dates as ISO date-times in the app's zone, whole numbers without ".0", blank as null. */
    private static String cell(Cell cell, DataFormatter format) {
        if (cell == null) return null;
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            LocalDateTime at = cell.getLocalDateTimeCellValue();
            return at.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }
        String text = format.formatCellValue(cell);
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Double number(String text) {
        return text == null ? null : Double.valueOf(text);
    }

    /** 是/否, true/false, 1/0, yes/no; blank is no; anything else null. */
    private static Boolean yes(String text) {
        if (text == null) return false;
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "是", "true", "1", "yes", "y" -> true;
            case "否", "false", "0", "no", "n" -> false;
            default -> null;
        };
    }

    /** The channel as its code also when the sheet names it as the screen does (12345 热线). */
    private Cases.NewCase withChannelCode(Cases.NewCase o) {
        if (o.channel() == null) return o;
        String typed = o.channel().strip();
        for (Channel ch : Channel.values()) {
            String zh = messages.getMessage("cases.channel." + ch.name(), null, ch.name(), Locale.SIMPLIFIED_CHINESE);
            String en = messages.getMessage("cases.channel." + ch.name(), null, ch.name(), Locale.ENGLISH);
            if (typed.equals(zh) || typed.equalsIgnoreCase(en) || typed.equals("12345") && ch == Channel.HOTLINE) {
                return new Cases.NewCase(
                        ch.name(),
                        o.category(),
                        o.description(),
                        o.unit(),
                        o.receivedAt(),
                        o.reporterName(),
                        o.reporterPhone(),
                        o.anonymous(),
                        o.address(),
                        o.latitude(),
                        o.longitude(),
                        o.evidence());
            }
        }
        return o;
    }

    private static Cases.NewCase blank() {
        return new Cases.NewCase(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Refuses a workbook that unpacks to more than {@code dudao.import.max-unpacked-bytes}, before POI reads it. */
    private void checkUnpacked(byte[] xlsx) {
        if (xlsx == null || xlsx.length == 0) throw InvalidInputException.of("file", "cases.import.empty");
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > 1000) throw InvalidInputException.of("file", "cases.import.not-xlsx");
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    total += read;
                    if (total > maxUnpackedBytes) {
                        throw InvalidInputException.of("file", "cases.import.too-big", maxUnpackedBytes / 1024 / 1024);
                    }
                }
            }
            if (entries == 0) throw InvalidInputException.of("file", "cases.import.not-xlsx");
        } catch (IOException e) {
            throw InvalidInputException.of("file", "cases.import.not-xlsx");
        }
    }

    private void requireIntake() {
        if (!cases.canIntake()) throw new ForbiddenException("error.forbidden");
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
