package org.dudao.balance.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.dudao.balance.internal.BalanceView.IndicatorView;
import org.dudao.balance.internal.BalanceView.SchoolValue;
import org.dudao.balance.internal.BalanceView.StageView;
import org.dudao.shared.ExcelBook;
import org.dudao.shared.pdf.PdfRenderer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The balance as offices submit it: an Excel workbook with one sheet per stage (schools as rows, the eight
 * indicators' per-pupil values as columns, the CV row and the 综合差异系数 at the bottom) and a PDF summary.
 */
@Component
public class BalanceFiles {

    private final Balances balances;
    private final MessageSource messages;
    private final PdfRenderer pdf;

    BalanceFiles(Balances balances, MessageSource messages, PdfRenderer pdf) {
        this.balances = balances;
        this.messages = messages;
        this.pdf = pdf;
    }

    public ExcelBook.File excel(String unit, Integer year) {
        BalanceView view = balances.balance(unit, year);
        try (ExcelBook book = new ExcelBook(this::text)) {
            for (StageView stage : view.stages()) {
                List<String> headers = new ArrayList<>(
                        List.of("balance.col.code", "balance.col.school", "balance.col.part", "balance.col.enrolment"));
                stage.indicators().forEach(i -> headers.add("balance.indicator." + i.code()));
                Sheet sheet = book.sheet("balance.stage." + stage.key(), headers.toArray(String[]::new));
                for (Map.Entry<String, Object[]> row : rows(stage).entrySet()) {
                    book.row(sheet, row.getValue());
                }
                Object[] cv = new Object[4 + stage.indicators().size()];
                cv[1] = text("balance.col.cv");
                for (int k = 0; k < stage.indicators().size(); k++) {
                    cv[4 + k] = stage.indicators().get(k).cv();
                }
                book.row(sheet, cv);
                book.row(sheet, null, text("balance.composite"), null, null, stage.composite());
            }
            return book.file(text("balance.file") + "-" + view.unit() + "-" + view.year() + ".xlsx");
        }
    }

    /** One row per school (or part) of the stage, the per-pupil value of each indicator in its column. */
    private static Map<String, Object[]> rows(StageView stage) {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        List<IndicatorView> indicators = stage.indicators();
        int width = 4 + indicators.size();
        for (int k = 0; k < indicators.size(); k++) {
            for (SchoolValue s : indicators.get(k).schools()) {
                Object[] row = rows.computeIfAbsent(s.code(), c -> new Object[width]);
                row[0] = s.code();
                row[1] = s.name();
                row[2] = s.part();
                row[3] = s.enrolment();
                row[4 + k] = s.perPupil();
            }
            for (BalanceView.SchoolRef m : indicators.get(k).missing()) {
                Object[] row = rows.computeIfAbsent(m.code(), c -> new Object[width]);
                row[0] = m.code();
                row[1] = m.name();
                row[2] = m.part();
            }
        }
        return rows;
    }

    public byte[] pdf(String unit, Integer year) {
        BalanceView view = balances.balance(unit, year);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("b", view);
        model.put("history", balances.history(unit, year));
        model.put("font", PdfRenderer.FONT_FAMILY);
        return pdf.render("pdf/balance", model, LocaleContextHolder.getLocale());
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
