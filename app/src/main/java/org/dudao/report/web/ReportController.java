package org.dudao.report.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Year;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.dudao.inspection.CalendarView;
import org.dudao.inspection.Calendars;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.report.internal.Assessment;
import org.dudao.report.internal.Assessments;
import org.dudao.report.internal.Dashboard;
import org.dudao.report.internal.Dashboards;
import org.dudao.report.internal.ReportExcel;
import org.dudao.report.internal.TargetForm;
import org.dudao.shared.ExcelBook;
import org.dudao.shared.FieldProblem;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.MenuEntry;
import org.dudao.shared.Role;
import org.dudao.shared.web.Downloads;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The dashboard and 目标考核 screens with their Excel downloads and the target form. */
@Controller
class ReportController {

    private final Dashboards dashboards;
    private final Assessments assessments;
    private final ReportExcel excel;
    private final Calendars calendars;
    private final OrgUnits orgUnits;
    private final MessageSource messages;
    private final Clock clock;

    ReportController(
            Dashboards dashboards,
            Assessments assessments,
            ReportExcel excel,
            Calendars calendars,
            OrgUnits orgUnits,
            MessageSource messages,
            Clock clock) {
        this.dashboards = dashboards;
        this.calendars = calendars;
        this.orgUnits = orgUnits;
        this.assessments = assessments;
        this.excel = excel;
        this.messages = messages;
        this.clock = clock;
    }

    @Bean
    static MenuEntry reportDashboardMenu() {
        return new MenuEntry("report.nav.section", "report.dashboard", "/reports/dashboard", 400, Role.REPORT_READERS);
    }

    @Bean
    static MenuEntry reportAssessmentMenu() {
        return new MenuEntry(
                "report.nav.section", "report.assessment", "/reports/assessment", 410, Role.REPORT_READERS);
    }

    @GetMapping("/reports/dashboard")
    String dashboard(
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String project,
            Model model,
            Locale locale) {
        form(model, orgUnit, year);
        try {
            Dashboard d = dashboards.dashboard(orgUnit, year, project);
            model.addAttribute("d", d);
            model.addAttribute("orgUnit", d.orgUnit());
            model.addAttribute("year", d.year());
            model.addAttribute("projects", d.projects());
            model.addAttribute("project", d.project());
            model.addAttribute("unvisited", unvisited(d.orgUnit()));
        } catch (InvalidInputException e) {
            model.addAttribute("error", message(e.problems().get(0), locale));
        }
        return "report/dashboard";
    }

    /** A county's schools that did not get their visits last month (工作月历 at month end), else null. */
    private CalendarView unvisited(String unitCode) {
        OrgUnitRef unit = orgUnits.readable(unitCode);
        if (unit.kind().level() != OrgKind.Level.COUNTY) return null;
        return calendars.month(unit.code(), YearMonth.now(clock).minusMonths(1).toString());
    }

    @GetMapping("/reports/dashboard.xlsx")
    ResponseEntity<byte[]> dashboardExcel(
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String project) {
        ExcelBook.File file = excel.dashboard(orgUnit, year, project);
        return Downloads.xlsx(file.name(), file.body());
    }

    @GetMapping("/reports/assessment")
    String assessment(
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) Integer year,
            Model model,
            Locale locale) {
        form(model, orgUnit, year);
        try {
            Assessment a = assessments.assessment(orgUnit, year);
            model.addAttribute("a", a);
            model.addAttribute("orgUnit", a.orgUnit());
        } catch (InvalidInputException e) {
            model.addAttribute("error", message(e.problems().get(0), locale));
        }
        return "report/assessment";
    }

    @GetMapping("/reports/assessment.xlsx")
    ResponseEntity<byte[]> assessmentExcel(
            @RequestParam(required = false) String orgUnit, @RequestParam(required = false) Integer year) {
        ExcelBook.File file = excel.assessment(orgUnit, year);
        return Downloads.xlsx(file.name(), file.body());
    }

    /** Saves a target and weight; on bad input the page comes back with the messages next to the fields. */
    @PostMapping("/reports/assessment/targets")
    String setTarget(
            @RequestParam String project,
            @RequestParam(name = "unit") String unit,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) String weight,
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) Integer year,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer t = number(target, Integer::valueOf, "target", errors, locale);
        BigDecimal w = number(weight, BigDecimal::new, "weight", errors, locale);
        if (errors.isEmpty()) {
            try {
                assessments.setTarget(project, unit, new TargetForm(t, w));
                redirect.addFlashAttribute("saved", true);
                return "redirect:"
                        + UriComponentsBuilder.fromPath("/reports/assessment")
                                .queryParam("orgUnit", orgUnit)
                                .queryParam("year", year)
                                .build()
                                .encode()
                                .toUriString();
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> errors.putIfAbsent(p.field(), message(p, locale)));
            }
        }
        form(model, orgUnit, year);
        model.addAttribute("a", assessments.assessment(orgUnit, year));
        model.addAttribute("errors", errors);
        model.addAttribute(
                "edit",
                Map.of(
                        "project",
                        project,
                        "unit",
                        unit,
                        "target",
                        target == null ? "" : target,
                        "weight",
                        weight == null ? "" : weight));
        return "report/assessment";
    }

    /** The number in a form field, null when blank; one that does not parse is an error of that field. */
    private <T> T number(
            String text, Function<String, T> parse, String field, Map<String, String> errors, Locale locale) {
        try {
            return text == null || text.isBlank() ? null : parse.apply(text.trim());
        } catch (NumberFormatException e) {
            errors.put(field, messages.getMessage("error.type-mismatch", null, locale));
            return null;
        }
    }

    /** A bad unit or year in a download link: the error page with 400, not a trace. */
    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return new ModelAndView("error", Map.of("status", HttpServletResponse.SC_BAD_REQUEST));
    }

    private void form(Model model, String orgUnit, Integer year) {
        int now = Year.now(clock).getValue();
        model.addAttribute("orgUnit", orgUnit == null ? "" : orgUnit.trim());
        model.addAttribute("year", year == null ? now : year);
        List<Integer> years = IntStream.rangeClosed(now - 5, now + 1)
                .boxed()
                .sorted(java.util.Comparator.reverseOrder())
                .toList();
        model.addAttribute("years", years);
    }

    private String message(FieldProblem p, Locale locale) {
        return messages.getMessage(p.message(), p.args(), p.message(), locale);
    }
}
