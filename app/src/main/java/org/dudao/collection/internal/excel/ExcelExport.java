package org.dudao.collection.internal.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dudao.collection.internal.AssignmentRepository;
import org.dudao.collection.internal.CollectionTask;
import org.dudao.collection.internal.TaskItem;
import org.dudao.collection.internal.TaskViews;
import org.dudao.data.DataItem;
import org.dudao.data.DataItems;
import org.dudao.data.DataValues;
import org.dudao.data.ItemValues;
import org.dudao.data.PeriodType;
import org.dudao.data.StoredValue;
import org.dudao.data.ValueType;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.ExcelBook;
import org.dudao.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports a pre-filled collection template: one row per unit, one column per item, written in streaming mode.
 * A hidden row carries the item codes and a hidden sheet the period, so an import of the same file is exact.
 */
@Service
public class ExcelExport {

    static final String META_SHEET = "_dudao";
    static final String CODE_MARK = "#code";

    private final OrgUnits units;
    private final DataItems items;
    private final DataValues values;
    private final TaskViews tasks;
    private final AssignmentRepository assignments;
    private final MessageSource messages;

    ExcelExport(
            OrgUnits units,
            DataItems items,
            DataValues values,
            TaskViews tasks,
            AssignmentRepository assignments,
            MessageSource messages) {
        this.units = units;
        this.items = items;
        this.values = values;
        this.tasks = tasks;
        this.assignments = assignments;
        this.messages = messages;
    }

    /** Items given by code, for one unit or (with {@code subtree}) every unit below it, the unit included. */
    @Transactional(readOnly = true)
    public void export(String orgUnit, String period, List<String> itemCodes, boolean subtree, OutputStream out)
            throws IOException {
        PeriodType.require(period);
        OrgUnitRef root = units.readable(orgUnit);
        if (itemCodes == null || itemCodes.isEmpty()) {
            throw InvalidInputException.of("items", "collection.error.no-items");
        }
        List<DataItem> list = new ArrayList<>();
        Map<String, DataItem> known = items.byCode(itemCodes);
        for (String code : itemCodes) {
            DataItem item = known.get(code.trim());
            if (item == null) {
                throw InvalidInputException.of("items", "collection.error.item-unknown", code);
            }
            list.add(item);
        }
        List<OrgUnitRef> rows = subtree ? units.subtree(root.code()) : List.of(root);
        write(rows, list, period.trim(), out);
    }

    /** A task's form for the task's units in the subtree of {@code orgUnit} (all its units in scope if null). */
    @Transactional(readOnly = true)
    public void exportTask(Long taskId, String orgUnit, OutputStream out) throws IOException {
        CollectionTask task = tasks.task(taskId);
        tasks.requireVisible(task);
        Map<Long, DataItem> byId =
                items.byId(task.getItems().stream().map(TaskItem::getItemId).toList());
        List<DataItem> list =
                task.getItems().stream().map(ti -> byId.get(ti.getItemId())).toList();
        Set<Long> assigned = new HashSet<>();
        assignments.findByTaskId(taskId).forEach(a -> assigned.add(a.getOrgUnitId()));
        List<OrgUnitRef> rows;
        if (orgUnit != null && !orgUnit.isBlank()) {
            rows = units.subtree(orgUnit.trim()).stream()
                    .filter(u -> assigned.contains(u.id()))
                    .toList();
        } else {
            rows = units.refs(assigned).values().stream()
                    .filter(u -> org.dudao.shared.Access.canRead(u.path()))
                    .sorted(java.util.Comparator.comparing(OrgUnitRef::path))
                    .toList();
        }
        if (rows.isEmpty()) {
            throw new org.dudao.shared.NotFoundException("form " + taskId + "/" + orgUnit);
        }
        write(rows, list, task.getPeriod(), out);
    }

    private void write(List<OrgUnitRef> rows, List<DataItem> list, String period, OutputStream out) throws IOException {
        Map<Long, Map<Long, StoredValue>> stored = new HashMap<>();
        List<Long> unitIds = rows.stream().map(OrgUnitRef::id).toList();
        for (StoredValue v :
                values.find(unitIds, list.stream().map(DataItem::getId).toList(), period)) {
            stored.computeIfAbsent(v.orgUnitId(), k -> new HashMap<>()).put(v.itemId(), v);
        }
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet(text("collection.excel.sheet"));
            header(wb, sheet, list);
            int r = 2;
            for (OrgUnitRef unit : rows) {
                Row row = sheet.createRow(r++);
                ExcelBook.text(row.createCell(0), unit.code());
                ExcelBook.text(row.createCell(1), unit.name());
                Map<Long, StoredValue> mine = stored.getOrDefault(unit.id(), Map.of());
                for (int c = 0; c < list.size(); c++) {
                    StoredValue v = mine.get(list.get(c).getId());
                    if (v != null) {
                        cell(row, c + 2, list.get(c), v);
                    }
                }
            }
            // the period travels with the workbook, in a sheet the user does not see
            Sheet meta = wb.createSheet(META_SHEET);
            Row m = meta.createRow(0);
            m.createCell(0).setCellValue("period");
            m.createCell(1).setCellValue(period);
            wb.setSheetVisibility(wb.getSheetIndex(meta), SheetVisibility.VERY_HIDDEN);
            wb.write(out);
            wb.dispose();
        }
    }

    /** The visible header row and, hidden below it, the row of item codes the import reads. */
    private void header(SXSSFWorkbook wb, Sheet sheet, List<DataItem> list) {
        CellStyle head = wb.createCellStyle();
        Font bold = wb.createFont();
        bold.setBold(true);
        head.setFont(bold);
        head.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
        head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        head.setWrapText(true);
        Row header = sheet.createRow(0);
        Row codes = sheet.createRow(1);
        header.createCell(0).setCellValue(text("collection.excel.unit-code"));
        header.createCell(1).setCellValue(text("collection.excel.unit-name"));
        codes.createCell(0).setCellValue(CODE_MARK);
        codes.createCell(1).setCellValue("#name");
        for (int c = 0; c < list.size(); c++) {
            DataItem item = list.get(c);
            var title = header.createCell(c + 2);
            title.setCellStyle(head);
            ExcelBook.text(title, item.getName() + (item.getUnit() == null ? "" : "（" + item.getUnit() + "）"));
            codes.createCell(c + 2).setCellValue(item.getCode());
            sheet.setColumnWidth(c + 2, 16 * 256);
        }
        for (int c = 0; c < 2; c++) {
            header.getCell(c).setCellStyle(head);
        }
        codes.setZeroHeight(true);
        sheet.setColumnWidth(0, 14 * 256);
        sheet.setColumnWidth(1, 24 * 256);
        sheet.createFreezePane(2, 2);
    }

    /** Numbers as numbers (so Excel can sum them), yes/no in words, everything else as the form shows it. */
    private void cell(Row row, int column, DataItem item, StoredValue v) {
        if (item.isNumeric() && v.num() != null) {
            BigDecimal n = v.num();
            row.createCell(column).setCellValue(n.doubleValue());
        } else if (item.getValueType() == ValueType.BOOLEAN && v.num() != null) {
            row.createCell(column).setCellValue(text(v.num().signum() != 0 ? "collection.yes" : "collection.no"));
        } else {
            ExcelBook.text(row.createCell(column), ItemValues.format(item, v.num(), v.text()));
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
