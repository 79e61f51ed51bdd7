package org.dudao.cases.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dudao.cases.internal.CaseStatus;
import org.dudao.cases.internal.CaseView;
import org.dudao.cases.internal.Cases;
import org.dudao.cases.internal.Channel;
import org.dudao.shared.ConflictException;
import org.dudao.shared.FieldProblem;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.MenuEntry;
import org.dudao.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Cases on screen: the list with its filters, the one-screen intake (keyboard first: the description field has the
 * focus, Enter in a single-line field takes the call in), and a case's page with its timeline and the moves the
 * user may make.
 */
@Controller
class CaseController {

    private final Cases cases;
    private final MessageSource messages;

    private final org.dudao.cases.internal.CaseEscalations escalations;
    private final org.dudao.cases.internal.CaseNoticePrinter printer;

    CaseController(
            Cases cases,
            org.dudao.cases.internal.CaseEscalations escalations,
            org.dudao.cases.internal.CaseNoticePrinter printer,
            MessageSource messages) {
        this.cases = cases;
        this.escalations = escalations;
        this.printer = printer;
        this.messages = messages;
    }

    @Bean
    static MenuEntry casesMenu() {
        return new MenuEntry("cases.nav.section", "cases.title", "/cases", 400, Role.STAFF);
    }

    @GetMapping("/cases")
    String index(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean overdue,
            Model model,
            Locale locale) {
        try {
            model.addAttribute("cases", cases.list(unit, status, overdue, null));
        } catch (InvalidInputException e) {
            model.addAttribute("cases", List.of());
            model.addAttribute("error", message(e.problems().get(0), locale));
        }
        model.addAttribute("unit", unit);
        model.addAttribute("status", status);
        model.addAttribute("overdue", Boolean.TRUE.equals(overdue));
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("canIntake", cases.canIntake());
        model.addAttribute("canEscalate", escalations.canRun());
        // the archive of 专报 is for the office, like composing them
        model.addAttribute("canHotspots", escalations.canRun());
        return "cases/index";
    }

    @GetMapping("/cases/new")
    String intakeForm(Model model) {
        return intakePage(model, new Form(), Map.of());
    }

    /** The intake form's fields, as typed. */
    static class Form {
        public String channel = "HOTLINE";
        public String category = "COMPLAINT";
        public String description;
        public String unit;
        public String receivedAt;
        public String reporterName;
        public String reporterPhone;
        public boolean anonymous;
        public String address;

        public void setChannel(String v) {
            channel = v;
        }

        public void setCategory(String v) {
            category = v;
        }

        public void setDescription(String v) {
            description = v;
        }

        public void setUnit(String v) {
            unit = v;
        }

        public void setReceivedAt(String v) {
            receivedAt = v;
        }

        public void setReporterName(String v) {
            reporterName = v;
        }

        public void setReporterPhone(String v) {
            reporterPhone = v;
        }

        public void setAnonymous(boolean v) {
            anonymous = v;
        }

        public void setAddress(String v) {
            address = v;
        }
    }

    @PostMapping("/cases/new")
    String intake(@ModelAttribute("form") Form form, Model model, Locale locale) {
        try {
            CaseView c = cases.intake(new Cases.NewCase(
                    form.channel,
                    form.category,
                    form.description,
                    form.unit,
                    form.receivedAt,
                    form.reporterName,
                    form.reporterPhone,
                    form.anonymous,
                    form.address,
                    null,
                    null,
                    null));
            return "redirect:/cases/" + c.id() + "?received";
        } catch (InvalidInputException e) {
            Map<String, String> errors = new HashMap<>();
            e.problems().forEach(p -> errors.putIfAbsent(p.field(), message(p, locale)));
            return intakePage(model, form, errors);
        }
    }

    /** The earlier cases of a caller's phone, shown on the intake screen while the number is typed (the office). */
    @GetMapping("/cases/earlier")
    String earlier(@RequestParam(required = false) String reporterPhone, Model model) {
        String phone = reporterPhone == null ? "" : reporterPhone.strip();
        model.addAttribute(
                "earlier", phone.length() < 5 || phone.length() > 40 ? List.of() : cases.list(null, null, null, phone));
        return "cases/new :: earlier";
    }

    private String intakePage(Model model, Form form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "channels", Arrays.stream(Channel.values()).map(Enum::name).toList());
        model.addAttribute("categories", cases.categories());
        return "cases/new";
    }

    @PostMapping("/cases/escalations/run")
    String escalate(RedirectAttributes redirect) {
        redirect.addFlashAttribute("ran", escalations.escalateNow());
        return "redirect:/cases";
    }

    @GetMapping("/cases/{id}/urge.pdf")
    org.springframework.http.ResponseEntity<byte[]> urge(@PathVariable Long id, Locale locale) {
        return org.dudao.shared.web.Downloads.file(
                printer.number(id) + ".pdf",
                org.springframework.http.MediaType.APPLICATION_PDF,
                printer.pdf(id, locale));
    }

    @GetMapping("/cases/{id}")
    String detail(@PathVariable Long id, Model model) {
        model.addAttribute("c", cases.get(id));
        return "cases/detail";
    }

    @PostMapping("/cases/{id}/{action}")
    String move(
            @PathVariable Long id,
            @PathVariable String action,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) Boolean satisfied,
            @RequestParam(required = false) String days,
            @RequestParam(required = false) String into,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            cases.move(
                    id,
                    new Cases.Move(action, unit, note, null, satisfied, number("days", days), longNumber(into), null));
            redirect.addFlashAttribute("done", action);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.getMessage(), e.args(), e.getMessage(), locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", message(e.problems().get(0), locale));
        }
        return "redirect:/cases/" + id;
    }

    private static Integer number(String field, String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "error.range", 1, 60);
        }
    }

    private static Long longNumber(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("into", "cases.error.merge");
        }
    }

    private String message(FieldProblem p, Locale locale) {
        return messages.getMessage(p.message(), p.args(), p.message(), locale);
    }
}
