package org.dudao.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Sheet;
import org.dudao.evaluation.Phase;
import org.dudao.shared.ExcelBook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Writes the dashboard and the 目标考核 table to Excel: one sheet per table, headers in the user's language. */
@Component
public class ReportExcel {

    private final Dashboards dashboards;
    private final Assessments assessments;
    private final MessageSource messages;

    ReportExcel(Dashboards dashboards, Assessments assessments, MessageSource messages) {
        this.dashboards = dashboards;
        this.assessments = assessments;
        this.messages = messages;
    }

    public ExcelBook.File dashboard(String orgUnit, Integer year, String project) {
        Dashboard d = dashboards.dashboard(orgUnit, year, project);
        try (ExcelBook book = new ExcelBook(this::text)) {
            Sheet s = book.sheet("report.sheet.stages", "report.col.stage", "report.col.files");
            d.stages().forEach(c -> book.row(s, c.label(), c.count()));
            Sheet st = book.sheet("report.sheet.states", "report.col.stage", "report.col.status", "report.col.files");
            d.states().forEach(r -> book.row(st, r.stage(), r.status(), r.count()));
            Sheet g = book.sheet("report.sheet.grades", "report.col.grade", "report.col.files");
            d.grades().forEach(c -> book.row(g, c.label(), c.count()));
            Sheet q = book.sheet(
                    "report.sheet.quota",
                    "report.col.year",
                    "report.col.plan",
                    "report.col.awarded",
                    "report.col.rate");
            d.quota().years().forEach(r -> book.row(q, r.year(), r.plan(), r.awarded(), rate(r.awarded(), r.plan())));
            Sheet v = book.sheet("report.sheet.vetoes", "report.col.veto", "report.col.files");
            d.vetoes().forEach(c -> book.row(v, c.label(), c.count()));
            Sheet a = book.sheet("report.sheet.ageing", "report.col.age", "report.col.items");
            d.rectification().ages().forEach(c -> book.row(a, c.label(), c.count()));
            book.row(a, text("report.open"), d.rectification().open());
            book.row(a, text("report.overdue"), d.rectification().overdue());
            if (!d.units().isEmpty()) {
                List<String> headers =
                        new ArrayList<>(List.of("report.col.code", "report.col.unit", "report.col.files"));
                for (Phase phase : Phase.values()) {
                    headers.add("evaluation.stage." + phase.name());
                }
                headers.addAll(
                        // the stage columns already have one headed 已授牌
                        List.of("report.col.plan", "report.col.plan-awarded", "report.col.open", "report.col.overdue"));
                Sheet u = book.sheet("report.sheet.units", headers.toArray(String[]::new));
                for (Dashboard.UnitRow r : d.units()) {
                    List<Object> cells = new ArrayList<>(List.of(r.orgUnit(), r.name(), r.files()));
                    for (Phase phase : Phase.values()) {
                        cells.add(r.byStage().getOrDefault(phase.name(), 0L));
                    }
                    cells.addAll(List.of(r.plan(), r.awarded(), r.openItems(), r.overdueItems()));
                    book.row(u, cells.toArray());
                }
            }
            return book.file(text("report.file.dashboard", d.name(), String.valueOf(d.year())));
        }
    }

    public ExcelBook.File assessment(String orgUnit, Integer year) {
        Assessment a = assessments.assessment(orgUnit, year);
        try (ExcelBook book = new ExcelBook(this::text)) {
            assessmentRows(book, a);
            assessmentLines(book, a);
            return book.file(text("report.file.assessment", a.name(), String.valueOf(a.year())));
        }
    }

    /** One row per assessed unit. */
    private void assessmentRows(ExcelBook book, Assessment a) {
        Sheet s = book.sheet(
                "report.sheet.assessment",
                "report.col.code",
                "report.col.unit",
                "report.col.target",
                "report.col.passed",
                "report.col.weight",
                "report.col.completion",
                "report.col.late",
                "report.col.criticisms",
                "report.col.deduction",
                "report.col.score");
        for (Assessment.Row r : a.rows()) {
            book.row(
                    s,
                    r.orgUnit(),
                    r.name(),
                    r.target(),
                    r.passed(),
                    r.weight(),
                    r.completion(),
                    r.lateItems(),
                    r.criticisms(),
                    r.deduction(),
                    r.score());
        }
    }

    /** One row per unit and project, with where its target comes from. */
    private void assessmentLines(ExcelBook book, Assessment a) {
        Sheet l = book.sheet(
                "report.sheet.lines",
                "report.col.project",
                "report.col.code",
                "report.col.unit",
                "report.col.target",
                "report.col.target-source",
                "report.col.passed",
                "report.col.weight",
                "report.col.completion");
        for (Assessment.Row r : a.rows()) {
            for (Assessment.Line line : r.lines()) {
                book.row(
                        l,
                        line.project(),
                        r.orgUnit(),
                        r.name(),
                        line.target(),
                        text(line.targetSet() ? "report.target.set" : "report.target.default"),
                        line.passed(),
                        line.weight(),
                        line.completion());
            }
        }
    }

    private static Object rate(long done, long plan) {
        return plan <= 0 ? "" : new ExcelBook.Percent((double) done / plan);
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
