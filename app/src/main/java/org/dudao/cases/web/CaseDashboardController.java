package org.dudao.cases.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dudao.cases.internal.CaseDashboard;
import org.dudao.cases.internal.CaseExcel;
import org.dudao.cases.internal.Channel;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The cases dashboard (rates, channels, categories, ageing, overdue by unit, ranking) and its Excel. */
@Controller
class CaseDashboardController {

    private final CaseDashboard dashboards;
    private final CaseExcel excel;
    private final MessageSource messages;

    CaseDashboardController(CaseDashboard dashboards, CaseExcel excel, MessageSource messages) {
        this.dashboards = dashboards;
        this.excel = excel;
        this.messages = messages;
    }

    @Bean
    static MenuEntry caseDashboardMenu() {
        return new MenuEntry("cases.nav.section", "cases.dashboard", "/cases/dashboard", 410, Role.STAFF);
    }

    @GetMapping("/cases/dashboard")
    String dashboard(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model,
            Locale locale) {
        model.addAttribute("unit", unit);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        try {
            model.addAttribute("d", dashboards.dashboard(unit, from, to));
        } catch (InvalidInputException e) {
            FieldProblem p = e.problems().get(0);
            model.addAttribute("error", messages.getMessage(p.message(), p.args(), p.message(), locale));
        }
        Map<String, String> channels = new LinkedHashMap<>();
        Arrays.stream(Channel.values())
                .forEach(c -> channels.put(c.name(), messages.getMessage("cases.channel." + c, null, locale)));
        model.addAttribute("channelNames", channels);
        Map<String, String> ages = new LinkedHashMap<>();
        List.of("le5", "le13", "le30", "gt30")
                .forEach(k -> ages.put(k, messages.getMessage("cases.age." + k, null, locale)));
        model.addAttribute("ageNames", ages);
        return "cases/dashboard";
    }

    @GetMapping("/cases/dashboard.xlsx")
    ResponseEntity<byte[]> xlsx(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        var file = excel.dashboard(unit, from, to);
        return Downloads.xlsx(file.name(), file.body());
    }
}
