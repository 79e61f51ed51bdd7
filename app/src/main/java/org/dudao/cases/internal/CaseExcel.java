package org.dudao.cases.internal;

import java.math.BigDecimal;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Sheet;
import org.dudao.shared.ExcelBook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The cases dashboard as a workbook: the rates, channels, categories, ageing and the unit ranking, one sheet each. */
@Component
public class CaseExcel {

    private final CaseDashboard dashboards;
    private final MessageSource messages;

    CaseExcel(CaseDashboard dashboards, MessageSource messages) {
        this.dashboards = dashboards;
        this.messages = messages;
    }

    public ExcelBook.File dashboard(String unit, String from, String to) {
        CaseDashboard.Dashboard d = dashboards.dashboard(unit, from, to);
        try (ExcelBook book = new ExcelBook(this::text)) {
            Sheet r = book.sheet(
                    "cases.sheet.rates",
                    "cases.field.unit",
                    "cases.col.received",
                    "cases.col.closed",
                    "cases.col.on-time",
                    "cases.col.called-back",
                    "cases.col.satisfied",
                    "cases.rate.closure",
                    "cases.rate.on-time",
                    "cases.rate.callback",
                    "cases.rate.satisfaction");
            row(book, r, d.unitName(), d.rates());
            for (CaseDashboard.UnitRow u : d.units()) row(book, r, u.name(), u.rates());
            Sheet c = book.sheet("cases.sheet.channels", "cases.field.channel", "cases.col.received");
            d.channels().forEach(x -> book.row(c, text("cases.channel." + x.key()), x.count()));
            Sheet k = book.sheet("cases.sheet.categories", "cases.field.category", "cases.col.received");
            d.categories().forEach(x -> book.row(k, x.key(), x.count()));
            Sheet a = book.sheet("cases.sheet.ageing", "cases.col.age", "cases.col.open");
            d.ageing().forEach(x -> book.row(a, text("cases.age." + x.key()), x.count()));
            book.row(a, text("cases.overdue"), d.overdue());
            return book.file("cases-" + d.unit() + "-" + d.from() + "-" + d.to() + ".xlsx");
        }
    }

    private static void row(ExcelBook book, Sheet s, String name, CaseRates.Rates r) {
        book.row(
                s,
                name,
                r.received(),
                r.closed(),
                r.closedOnTime(),
                r.calledBack(),
                r.satisfied(),
                percent(r.closureRate()),
                percent(r.onTimeRate()),
                percent(r.callbackRate()),
                percent(r.satisfactionRate()));
    }

    /** A rate as its two-decimal percentage figure (99.89), empty without a base. */
    private static Object percent(BigDecimal rate) {
        return rate == null ? "" : rate;
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }
}
