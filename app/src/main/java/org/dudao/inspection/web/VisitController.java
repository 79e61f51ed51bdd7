package org.dudao.inspection.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.dudao.inspection.Calendars;
import org.dudao.inspection.FindingRequest;
import org.dudao.inspection.Rechecks;
import org.dudao.inspection.SupervisionItem;
import org.dudao.inspection.VisitRequest;
import org.dudao.inspection.VisitView;
import org.dudao.inspection.Visits;
import org.dudao.org.OrgUnitView;
import org.dudao.org.OrgUnits;
import org.dudao.shared.ConflictException;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.MenuEntry;
import org.dudao.shared.Role;
import org.dudao.shared.web.FormFailures;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 督导 visits on a phone: the month's visits, planning one, and on a visit's page the step at hand — check in,
 * record findings with a photo (a finding may open a rectification item), report, the head's acknowledgement.
 */
@Controller
class VisitController {

    private final Visits visits;
    private final Rechecks rechecks;
    private final Calendars calendars;
    private final OrgUnits orgUnits;
    private final MessageSource messages;
    private final Clock clock;

    VisitController(
            Visits visits,
            Rechecks rechecks,
            Calendars calendars,
            OrgUnits orgUnits,
            MessageSource messages,
            Clock clock) {
        this.visits = visits;
        this.rechecks = rechecks;
        this.calendars = calendars;
        this.orgUnits = orgUnits;
        this.messages = messages;
        this.clock = clock;
    }

    @Bean
    static MenuEntry inspectionCalendarMenu() {
        return new MenuEntry(
                "nav.section.evaluation", "inspection.calendar.title", "/inspection/calendar", 322, Role.STAFF);
    }

    /** 工作月历 of a unit (default: the top of the user's scope) for a month (default: this one). */
    @GetMapping("/inspection/calendar")
    String calendar(
            @RequestParam(required = false) String unit, @RequestParam(required = false) String month, Model model) {
        String code = unit;
        if (code == null || code.isBlank()) {
            List<OrgUnitView> roots = orgUnits.children(null);
            code = roots.isEmpty() ? null : roots.get(0).code();
        }
        model.addAttribute("calendar", code == null ? null : calendars.month(code, month));
        return "inspection/calendar";
    }

    @Bean
    static MenuEntry visitMenu() {
        return new MenuEntry(
                "nav.section.evaluation", "inspection.visits.title", "/inspection/visits", 321, Role.STAFF);
    }

    @GetMapping("/inspection/visits")
    String index(@RequestParam(required = false) String month, Model model) {
        String m = month == null || month.isBlank() ? YearMonth.now(clock).toString() : month.trim();
        model.addAttribute("visits", visits.list(null, null, m));
        model.addAttribute("month", m);
        model.addAttribute("schools", visits.mySchools());
        model.addAttribute("items", List.of(SupervisionItem.values()));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("rechecks", rechecks.mine(org.dudao.rectification.ItemFilter.OPEN));
        return "inspection/visits";
    }

    @PostMapping("/inspection/visits")
    String plan(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) List<String> items,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            VisitView v = visits.plan(new VisitRequest(school, null, date, purpose, team, items));
            redirect.addFlashAttribute("done", true);
            return "redirect:/inspection/visits/" + v.id();
        } catch (InvalidInputException e) {
            FormFailures.flash(e, messages, locale, redirect);
            return "redirect:/inspection/visits";
        }
    }

    @GetMapping("/inspection/visits/{id}")
    String visit(@PathVariable Long id, Model model) {
        VisitView v = visits.get(id);
        model.addAttribute("v", v);
        model.addAttribute("can", visits.actions(v));
        model.addAttribute("ratings", Visits.RATINGS);
        model.addAttribute("deadline", LocalDate.now(clock).plusMonths(1));
        return "inspection/visit";
    }

    @PostMapping("/inspection/visits/{id}/check-in")
    String checkIn(@PathVariable Long id, RedirectAttributes redirect, Locale locale) {
        return step(id, redirect, locale, () -> visits.checkIn(id));
    }

    @PostMapping("/inspection/visits/{id}/findings")
    String finding(
            @PathVariable Long id,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String finding,
            @RequestParam(required = false) String rating,
            @RequestParam(required = false) MultipartFile photo,
            @RequestParam(required = false) Boolean rectify,
            @RequestParam(required = false) String requirement,
            @RequestParam(required = false) String deadline,
            RedirectAttributes redirect,
            Locale locale) {
        FindingRequest r = new FindingRequest(item, finding, rating, null, rectify, requirement, deadline);
        return step(id, redirect, locale, () -> {
            try {
                if (photo == null || photo.isEmpty()) visits.addFinding(id, r);
                else visits.addFinding(id, r, photo.getInputStream(), photo.getOriginalFilename());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @PostMapping("/inspection/visits/{id}/report")
    String report(
            @PathVariable Long id,
            @RequestParam(required = false) String report,
            @RequestParam(required = false) String feedback,
            RedirectAttributes redirect,
            Locale locale) {
        return step(id, redirect, locale, () -> visits.report(id, report, feedback));
    }

    @PostMapping("/inspection/visits/{id}/acknowledge")
    String acknowledge(@PathVariable Long id, RedirectAttributes redirect, Locale locale) {
        return step(id, redirect, locale, () -> visits.acknowledge(id));
    }

    private String step(Long id, RedirectAttributes redirect, Locale locale, Runnable work) {
        try {
            work.run();
            redirect.addFlashAttribute("done", true);
        } catch (InvalidInputException e) {
            FormFailures.flash(e, messages, locale, redirect);
        } catch (ConflictException e) {
            FormFailures.flash(e, messages, locale, redirect);
        }
        return "redirect:/inspection/visits/" + id;
    }
}
