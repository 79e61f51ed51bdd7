package org.dudao.inspection.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.dudao.inspection.Rechecks;
import org.dudao.inspection.Summaries;
import org.dudao.inspection.SummaryRequest;
import org.dudao.inspection.SummaryView;
import org.dudao.inspection.Workloads;
import org.dudao.inspection.internal.WorkloadExcel;
import org.dudao.org.OrgUnitView;
import org.dudao.org.OrgUnits;
import org.dudao.shared.ConflictException;
import org.dudao.shared.ExcelBook;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.MenuEntry;
import org.dudao.shared.Role;
import org.dudao.shared.web.Downloads;
import org.dudao.shared.web.FormFailures;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inspector's duties on screen: 销号 / 退回 of their findings' items (listed on the visits page), the summaries
 * page (their own to write; the office's overview with the overdue flagged) and the workload page with its chart
 * and Excel.
 */
@Controller
class DutyController {

    private final Rechecks rechecks;
    private final Summaries summaries;
    private final Workloads workloads;
    private final WorkloadExcel excel;
    private final OrgUnits orgUnits;
    private final MessageSource messages;
    private final Clock clock;

    DutyController(
            Rechecks rechecks,
            Summaries summaries,
            Workloads workloads,
            WorkloadExcel excel,
            OrgUnits orgUnits,
            MessageSource messages,
            Clock clock) {
        this.rechecks = rechecks;
        this.summaries = summaries;
        this.workloads = workloads;
        this.excel = excel;
        this.orgUnits = orgUnits;
        this.messages = messages;
        this.clock = clock;
    }

    @Bean
    static MenuEntry inspectionSummaryMenu() {
        return new MenuEntry(
                "nav.section.evaluation", "inspection.summary.title", "/inspection/summaries", 323, Role.STAFF);
    }

    @Bean
    static MenuEntry inspectionWorkloadMenu() {
        return new MenuEntry(
                "nav.section.evaluation", "inspection.workload.title", "/inspection/workload", 324, Role.STAFF);
    }

    @PostMapping("/inspection/items/{id}/close")
    String close(
            @PathVariable Long id,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect,
            Locale locale) {
        return review(redirect, locale, () -> rechecks.close(id, note));
    }

    @PostMapping("/inspection/items/{id}/send-back")
    String sendBack(
            @PathVariable Long id,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect,
            Locale locale) {
        return review(redirect, locale, () -> rechecks.sendBack(id, note));
    }

    private String review(RedirectAttributes redirect, Locale locale, Runnable work) {
        try {
            work.run();
            redirect.addFlashAttribute("done", true);
        } catch (InvalidInputException e) {
            FormFailures.flash(e, messages, locale, redirect);
        } catch (ConflictException e) {
            FormFailures.flash(e, messages, locale, redirect);
        }
        return "redirect:/inspection/visits#rechecks";
    }

    @GetMapping("/inspection/summaries")
    String summaries(@RequestParam(required = false) Boolean overdue, Model model, Locale locale) {
        List<SummaryView> list = summaries.list(null, null, Boolean.TRUE.equals(overdue));
        model.addAttribute("summaries", list);
        model.addAttribute("overdueOnly", Boolean.TRUE.equals(overdue));
        model.addAttribute("mine", summaries.mine());
        model.addAttribute("labels", labels(list, locale));
        return "inspection/summaries";
    }

    /** The form of one summary: the stored text, or a draft of the period's visits and findings. */
    @GetMapping("/inspection/summaries/write")
    String write(
            @RequestParam(required = false) Long inspector,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String period,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            SummaryView stored = summaries.list(inspector, null, false).stream()
                    .filter(s -> s.kind().equals(kind) && s.period().equals(period) && s.submitted())
                    .filter(s -> inspector == null || s.inspector().equals(inspector))
                    .findFirst()
                    .orElse(null);
            String body = stored != null && summaries.mine().stream().anyMatch(i -> i.id().equals(stored.inspector()))
                    ? stored.body()
                    : summaries.draft(inspector, kind, period, locale);
            model.addAttribute("kind", kind);
            model.addAttribute("period", period);
            model.addAttribute("inspector", inspector);
            model.addAttribute("label", summaries.periodLabel(kind, period, locale));
            model.addAttribute("due", summaries.due(kind, period));
            model.addAttribute("body", body);
            return "inspection/summary";
        } catch (InvalidInputException e) {
            FormFailures.flash(e, messages, locale, redirect);
            return "redirect:/inspection/summaries";
        }
    }

    @PostMapping("/inspection/summaries")
    String submit(
            @RequestParam(required = false) Long inspector,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String body,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            summaries.submit(new SummaryRequest(inspector, kind, period, body));
            redirect.addFlashAttribute("done", true);
        } catch (InvalidInputException e) {
            FormFailures.flash(e, messages, locale, redirect);
        }
        return "redirect:/inspection/summaries";
    }

    /** Workload of a unit (default: the top of the user's scope) in a month (default: the last one). */
    @GetMapping("/inspection/workload")
    String workload(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String month,
            Model model,
            Locale locale) {
        String code = unit(unit);
        try {
            model.addAttribute("w", code == null ? null : workloads.month(code, month(month)));
        } catch (InvalidInputException e) {
            model.addAttribute(
                    "error",
                    messages.getMessage(
                            e.problems().get(0).message(), e.problems().get(0).args(), locale));
            model.addAttribute("w", null);
        }
        return "inspection/workload";
    }

    @GetMapping("/inspection/workload.xlsx")
    ResponseEntity<byte[]> workloadExcel(
            @RequestParam(required = false) String unit, @RequestParam(required = false) String month, Locale locale) {
        ExcelBook.File file = excel.workbook(workloads.month(unit(unit), month(month)), locale);
        return Downloads.xlsx(file.name(), file.body());
    }

    private String unit(String unit) {
        if (unit != null && !unit.isBlank()) return unit.trim();
        List<OrgUnitView> roots = orgUnits.children(null);
        return roots.isEmpty() ? null : roots.get(0).code();
    }

    private String month(String month) {
        return month == null || month.isBlank()
                ? YearMonth.now(clock).minusMonths(1).toString()
                : month;
    }

    private java.util.Map<String, String> labels(List<SummaryView> list, Locale locale) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        list.forEach(s -> out.put(s.kind() + s.period(), summaries.periodLabel(s.kind(), s.period(), locale)));
        return out;
    }
}
