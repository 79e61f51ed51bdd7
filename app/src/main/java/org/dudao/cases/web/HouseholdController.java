package org.dudao.cases.web;

import java.util.Locale;
import java.util.Map;
import org.dudao.cases.internal.CaseView;
import org.dudao.cases.internal.Cases;
import org.dudao.cases.internal.Households;
import org.dudao.shared.ConflictException;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.MenuEntry;
import org.dudao.shared.PersonNames;
import org.dudao.shared.Role;
import org.dudao.shared.web.FormFailures;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 民情联系 on screen: the households, one household's diary with a visit form, and a raised problem as a case. */
@Controller
class HouseholdController {

    private final Households households;
    private final Cases cases;
    private final MessageSource messages;
    private final ObjectProvider<PersonNames> names;

    HouseholdController(Households households, Cases cases, MessageSource messages, ObjectProvider<PersonNames> names) {
        this.households = households;
        this.cases = cases;
        this.messages = messages;
        this.names = names;
    }

    @Bean
    static MenuEntry householdsMenu() {
        return new MenuEntry("cases.nav.section", "cases.households", "/households", 410, Role.STAFF);
    }

    @GetMapping("/households")
    String index(Model model) {
        var list = households.list();
        model.addAttribute("households", list);
        // the names cadres go by (the login where the user feature is not running)
        PersonNames people = names.getIfAvailable();
        Map<String, String> cadres = new java.util.HashMap<>();
        list.forEach(h -> cadres.put(h.cadre(), h.cadre()));
        if (people != null) cadres.putAll(people.of(cadres.keySet()));
        model.addAttribute("cadres", cadres);
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        return "cases/households";
    }

    @PostMapping("/households")
    String create(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String address,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String village,
            @RequestParam(required = false) String unit,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            Households.HouseholdView h =
                    households.create(new Households.HouseholdRequest(name, address, phone, village, unit, null));
            return "redirect:/households/" + h.id();
        } catch (InvalidInputException e) {
            FormFailures.flash(e, messages, locale, redirect);
            redirect.addFlashAttribute("form", Map.of("name", String.valueOf(name), "unit", String.valueOf(unit)));
            return "redirect:/households";
        }
    }

    @GetMapping("/households/{id}")
    String detail(@PathVariable Long id, Model model) {
        model.addAttribute("h", households.get(id));
        model.addAttribute("categories", cases.categories());
        model.addAttribute("canRaise", households.canRaise());
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        return "cases/household";
    }

    @PostMapping("/households/{id}/visits")
    String visit(
            @PathVariable Long id,
            @RequestParam(required = false) String visitedOn,
            @RequestParam(required = false) String raised,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            households.visit(id, new Households.VisitRequest(visitedOn, raised));
            redirect.addFlashAttribute("logged", true);
        } catch (InvalidInputException e) {
            FormFailures.flash(e, messages, locale, redirect);
        } catch (ForbiddenException e) {
            redirect.addFlashAttribute("failure", messages.getMessage(e.getMessage(), null, e.getMessage(), locale));
        }
        return "redirect:/households/" + id;
    }

    @PostMapping("/households/{id}/visits/{visit}/case")
    String raise(
            @PathVariable Long id,
            @PathVariable Long visit,
            @RequestParam(required = false) String category,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            CaseView c = households.raise(visit, new Households.RaiseRequest(category, null, null));
            return "redirect:/cases/" + c.id() + "?received";
        } catch (InvalidInputException e) {
            FormFailures.flash(e, messages, locale, redirect);
        } catch (ConflictException e) {
            FormFailures.flash(e, messages, locale, redirect);
        }
        return "redirect:/households/" + id;
    }
}
