package org.dudao.inspection.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dudao.inspection.InspectorRequest;
import org.dudao.inspection.InspectorView;
import org.dudao.inspection.Inspectors;
import org.dudao.inspection.Plaques;
import org.dudao.inspection.ZoneRequest;
import org.dudao.inspection.ZoneView;
import org.dudao.inspection.Zones;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 责任督学: the office's inspectors and zones, and the assignment screen of a zone. */
@Controller
class InspectionController {

    private final Inspectors inspectors;
    private final Zones zones;
    private final Plaques plaques;
    private final MessageSource messages;

    InspectionController(Inspectors inspectors, Zones zones, Plaques plaques, MessageSource messages) {
        this.inspectors = inspectors;
        this.zones = zones;
        this.plaques = plaques;
        this.messages = messages;
    }

    @Bean
    static MenuEntry inspectionMenu() {
        return new MenuEntry("nav.section.evaluation", "inspection.title", "/inspection", 320, Role.STAFF);
    }

    @GetMapping("/inspection")
    String index(Model model) {
        model.addAttribute("inspectors", inspectors.list(null));
        model.addAttribute("zones", zones.list(null));
        boolean manage = inspectors.canManage();
        model.addAttribute("canManage", manage);
        model.addAttribute("offices", manage ? inspectors.offices() : List.of());
        model.addAttribute("messages", plaques.messages());
        return "inspection/index";
    }

    @PostMapping("/inspection/inspectors")
    String create(@ModelAttribute InspectorRequest form, RedirectAttributes redirect, Locale locale) {
        try {
            InspectorView created = inspectors.create(form);
            redirect.addFlashAttribute("done", true);
            return "redirect:/inspection/inspectors/" + created.id();
        } catch (InvalidInputException e) {
            FormFailures.flash(e, messages, locale, redirect);
            return "redirect:/inspection";
        }
    }

    @GetMapping("/inspection/inspectors/{id}")
    String inspector(@PathVariable Long id, Model model) {
        InspectorView i = inspectors.get(id);
        model.addAttribute("i", i);
        model.addAttribute("canManage", inspectors.canManage(i));
        return "inspection/inspector";
    }

    @PostMapping("/inspection/inspectors/{id}")
    String update(
            @PathVariable Long id, @ModelAttribute InspectorRequest form, RedirectAttributes redirect, Locale locale) {
        try {
            inspectors.update(id, form);
            redirect.addFlashAttribute("done", true);
        } catch (InvalidInputException e) {
            FormFailures.flash(e, messages, locale, redirect);
        }
        return "redirect:/inspection/inspectors/" + id;
    }

    @PostMapping("/inspection/inspectors/{id}/photo")
    String photo(
            @PathVariable Long id,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.of("file", "error.required");
            }
            inspectors.photo(id, file.getInputStream(), file.getOriginalFilename());
            redirect.addFlashAttribute("done", true);
        } catch (InvalidInputException e) {
            FormFailures.flash(e, messages, locale, redirect);
        }
        return "redirect:/inspection/inspectors/" + id;
    }

    @PostMapping("/inspection/zones")
    String createZone(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String county,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            ZoneView z = zones.create(new ZoneRequest(code, name, county, null, List.of(), null, null));
            redirect.addFlashAttribute("done", true);
            return "redirect:/inspection/zones/" + z.code();
        } catch (InvalidInputException e) {
            FormFailures.flash(e, messages, locale, redirect);
            return "redirect:/inspection";
        }
    }

    @GetMapping("/inspection/zones/{code}")
    String zone(@PathVariable String code, Model model) {
        ZoneView z = zones.get(code);
        boolean manage = zones.canManage(z);
        model.addAttribute("z", z);
        model.addAttribute("canManage", manage);
        model.addAttribute("unassigned", manage ? zones.unassigned(code) : List.of());
        model.addAttribute("candidates", manage ? inspectors.list(z.county()) : List.of());
        return "inspection/zone";
    }

    /** The assignment screen's save: the schools kept or added and each one's inspector ({@code inspector-CODE}). */
    @PostMapping("/inspection/zones/{code}")
    String saveZone(
            @PathVariable String code,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Long lead,
            @RequestParam(required = false) List<String> schools,
            @RequestParam(required = false) Integer version,
            @RequestParam Map<String, String> params,
            RedirectAttributes redirect,
            Locale locale) {
        List<ZoneRequest.AssignmentRequest> assignments = new ArrayList<>();
        List<String> chosen = schools == null ? List.of() : schools;
        try {
            for (String school : chosen) {
                String inspector = params.get("inspector-" + school);
                assignments.add(new ZoneRequest.AssignmentRequest(
                        school, inspector == null || inspector.isBlank() ? null : parseId(inspector)));
            }
            zones.update(code, new ZoneRequest(code, name, null, lead, chosen, assignments, version));
            redirect.addFlashAttribute("done", true);
        } catch (InvalidInputException e) {
            FormFailures.flash(e, messages, locale, redirect);
        } catch (ConflictException e) {
            FormFailures.flash(e, messages, locale, redirect);
        }
        return "redirect:/inspection/zones/" + code;
    }

    @PostMapping("/inspection/zones/{code}/suggestion")
    String suggest(@PathVariable String code, RedirectAttributes redirect, Locale locale) {
        try {
            zones.suggest(code);
            redirect.addFlashAttribute("done", true);
        } catch (InvalidInputException e) {
            FormFailures.flash(e, messages, locale, redirect);
        }
        return "redirect:/inspection/zones/" + code;
    }

    /** The printable plaque of a school (A4 or the 60×40 cm board). */
    @GetMapping("/inspection/plaques/{schoolCode}.pdf")
    ResponseEntity<byte[]> plaque(
            @PathVariable String schoolCode, @RequestParam(required = false) String format, Locale locale) {
        return Downloads.file(
                "plaque-" + schoolCode + ".pdf", MediaType.APPLICATION_PDF, plaques.pdf(schoolCode, format, locale));
    }

    private static Long parseId(String text) {
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("assignments", "error.type-mismatch");
        }
    }
}
