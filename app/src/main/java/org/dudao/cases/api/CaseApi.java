package org.dudao.cases.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.dudao.cases.internal.CaseCategories;
import org.dudao.cases.internal.CaseDashboard;
import org.dudao.cases.internal.CaseEscalations;
import org.dudao.cases.internal.CaseExcel;
import org.dudao.cases.internal.CaseNoticePrinter;
import org.dudao.cases.internal.CaseRates;
import org.dudao.cases.internal.CaseView;
import org.dudao.cases.internal.Cases;
import org.dudao.cases.internal.CategoryView;
import org.dudao.shared.web.Downloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "案件 Cases")
class CaseApi {

    private final Cases cases;
    private final CaseRates rates;
    private final CaseDashboard dashboards;
    private final CaseExcel excel;
    private final CaseCategories categories;

    private final CaseEscalations escalations;
    private final CaseNoticePrinter printer;

    CaseApi(
            Cases cases,
            CaseRates rates,
            CaseDashboard dashboards,
            CaseExcel excel,
            CaseEscalations escalations,
            CaseNoticePrinter printer,
            CaseCategories categories) {
        this.categories = categories;
        this.escalations = escalations;
        this.printer = printer;
        this.cases = cases;
        this.rates = rates;
        this.dashboards = dashboards;
        this.excel = excel;
    }

    @PostMapping("/api/cases")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "受理: take a case in for a unit (office or inspector covering it); due = the N-th working day"
                    + " after the day of intake, N the category's time limit. channel: HOTLINE (12345), CITY_GRID"
                    + " (数字城管), PETITION (信访), ONLINE, INSPECTOR, VISIT (民情走访), PLAQUE")
    CaseView intake(@RequestBody Cases.NewCase request) {
        return cases.intake(request);
    }

    @GetMapping("/api/cases")
    @Operation(
            summary = "Cases in the caller's scope, newest first: optionally under a unit, of a status, only overdue,"
                    + " or (the office) the earlier cases of a reporter's phone")
    List<CaseView> list(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String phone) {
        return cases.list(unit, status, overdue, phone);
    }

    @GetMapping("/api/cases/categories")
    @Operation(summary = "Case categories with their time limits in working days and versions")
    List<CategoryView> categories() {
        return categories.list();
    }

    @PostMapping("/api/cases/categories")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Adds a category {code, name, timeLimit (1–60 working days)}: the office at the root (the"
                    + " categories are shared by the whole tree)")
    CategoryView addCategory(@RequestBody CaseCategories.CategoryForm form) {
        return categories.add(form);
    }

    @PutMapping("/api/cases/categories/{code}")
    @Operation(
            summary = "Renames a category or changes its time limit {name, timeLimit, version (409 when stale)}: the"
                    + " office at the root. The new limit applies to cases taken in afterwards; earlier cases keep"
                    + " their due day")
    CategoryView updateCategory(@PathVariable String code, @RequestBody CaseCategories.CategoryForm form) {
        return categories.update(code, form);
    }

    @GetMapping("/api/cases/rates")
    @Operation(
            summary = "处结率, 按期办结率, 回访率, 满意率 of the cases received from … to (default this year) under a unit"
                    + " (default the caller's scope): exact counts, percentages rounded to two decimals")
    CaseRates.Rates rates(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return rates.rates(unit, from, to);
    }

    @GetMapping("/api/cases/dashboard")
    @Operation(
            summary = "The cases dashboard of a unit's subtree for a period: rates, channels, categories, ageing of"
                    + " open cases, and per subordinate unit its counts, overdue cases and rates, ranked")
    CaseDashboard.Dashboard dashboard(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return dashboards.dashboard(unit, from, to);
    }

    @GetMapping("/api/cases/dashboard.xlsx")
    @Operation(summary = "The cases dashboard as Excel")
    ResponseEntity<byte[]> dashboardXlsx(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        var file = excel.dashboard(unit, from, to);
        return Downloads.xlsx(file.name(), file.body());
    }

    @PostMapping("/api/cases/escalations/run")
    @Operation(summary = "Run reminders and escalation now over the caller's subtrees (offices)")
    CaseEscalations.Run escalate() {
        return escalations.escalateNow();
    }

    @GetMapping("/api/cases/{id}/urge.pdf")
    @Operation(summary = "The case's numbered 催办通知书 as PDF (404 before one was issued)")
    ResponseEntity<byte[]> urge(@PathVariable Long id, java.util.Locale locale) {
        return Downloads.file(
                printer.number(id) + ".pdf",
                org.springframework.http.MediaType.APPLICATION_PDF,
                printer.pdf(id, locale));
    }

    @GetMapping("/api/cases/{id}")
    CaseView get(@PathVariable Long id) {
        return cases.get(id);
    }

    @PostMapping("/api/cases/{id}/transitions")
    @Operation(
            summary = "A move: assign {unit, note (why, when reassigning)}, answer {note, evidence}, return {note},"
                    + " verify, callback {satisfied, note}, close, extend {days, note}, merge {into}; version"
                    + " optional (409 when stale). Returns and reassignments never move the due day")
    CaseView move(@PathVariable Long id, @RequestBody Cases.Move move) {
        return cases.move(id, move);
    }
}
