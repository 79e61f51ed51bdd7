package org.dudao.inspection.web;

import java.util.Locale;
import org.dudao.inspection.BriefingRequest;
import org.dudao.inspection.BriefingView;
import org.dudao.inspection.Briefings;
import org.dudao.inspection.Inspectors;
import org.dudao.shared.ConflictException;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.MenuEntry;
import org.dudao.shared.Role;
import org.dudao.shared.web.Downloads;
import org.dudao.shared.web.FormFailures;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 督导简报: the list and archive, composing a draft, editing it, issuing it, PDF and Word. */
@Controller
class BriefingController {

    private final Briefings briefings;
    private final Inspectors inspectors;
    private final MessageSource messages;

    BriefingController(Briefings briefings, Inspectors inspectors, MessageSource messages) {
        this.briefings = briefings;
        this.inspectors = inspectors;
        this.messages = messages;
    }

    @Bean
    static MenuEntry briefingMenu() {
        return new MenuEntry(
                "nav.section.evaluation", "inspection.briefing.title", "/inspection/briefings", 323, Role.STAFF);
    }

    @GetMapping("/inspection/briefings")
    String index(Model model) {
        model.addAttribute("briefings", briefings.list());
        model.addAttribute("offices", inspectors.canManage() ? inspectors.offices() : java.util.List.of());
        return "inspection/briefings";
    }

    @PostMapping("/inspection/briefings")
    String create(@ModelAttribute BriefingRequest form, RedirectAttributes redirect, Locale locale) {
        try {
            BriefingView b = briefings.create(form, locale);
            return "redirect:/inspection/briefings/" + b.id();
        } catch (InvalidInputException e) {
            FormFailures.flash(e, messages, locale, redirect);
            return "redirect:/inspection/briefings";
        }
    }

    @GetMapping("/inspection/briefings/{id}")
    String briefing(@PathVariable Long id, Model model) {
        BriefingView b = briefings.get(id);
        model.addAttribute("b", b);
        model.addAttribute("canManage", briefings.canManage(b));
        return "inspection/briefing";
    }

    @PostMapping("/inspection/briefings/{id}")
    String update(
            @PathVariable Long id, @ModelAttribute BriefingRequest form, RedirectAttributes redirect, Locale locale) {
        try {
            briefings.update(id, form);
            redirect.addFlashAttribute("done", true);
        } catch (InvalidInputException e) {
            FormFailures.flash(e, messages, locale, redirect);
        } catch (ConflictException e) {
            FormFailures.flash(e, messages, locale, redirect);
        }
        return "redirect:/inspection/briefings/" + id;
    }

    @PostMapping("/inspection/briefings/{id}/issue")
    String issue(@PathVariable Long id, RedirectAttributes redirect, Locale locale) {
        try {
            briefings.issue(id);
            redirect.addFlashAttribute("done", true);
        } catch (ConflictException e) {
            FormFailures.flash(e, messages, locale, redirect);
        }
        return "redirect:/inspection/briefings/" + id;
    }

    @GetMapping("/inspection/briefings/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable Long id, Locale locale) {
        return Downloads.file("briefing-" + id + ".pdf", MediaType.APPLICATION_PDF, briefings.pdf(id, locale));
    }

    @GetMapping("/inspection/briefings/{id}.docx")
    ResponseEntity<byte[]> docx(@PathVariable Long id, Locale locale) {
        return Downloads.file("briefing-" + id + ".docx", Downloads.DOCX, briefings.docx(id, locale));
    }
}
