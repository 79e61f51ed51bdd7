package org.dudao.balance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.dudao.balance.internal.BalanceFiles;
import org.dudao.balance.internal.BalanceView;
import org.dudao.balance.internal.Balances;
import org.dudao.balance.internal.Indicator;
import org.dudao.balance.internal.WhatIf;
import org.dudao.shared.ExcelBook;
import org.dudao.shared.FieldProblem;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.MenuEntry;
import org.dudao.shared.Role;
import org.dudao.shared.web.Downloads;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The balance page (charts, the CV table per stage, counties ranked, earlier years), its what-if and downloads. */
@Controller
class BalanceController {

    private final Balances balances;
    private final WhatIf whatIf;
    private final BalanceFiles files;
    private final MessageSource messages;

    BalanceController(Balances balances, WhatIf whatIf, BalanceFiles files, MessageSource messages) {
        this.balances = balances;
        this.whatIf = whatIf;
        this.files = files;
        this.messages = messages;
    }

    @Bean
    static MenuEntry balanceMenu() {
        return new MenuEntry("report.nav.section", "balance.title", "/balance", 420, Role.REPORT_READERS);
    }

    @GetMapping("/balance")
    String page(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) Integer year,
            Model model,
            Locale locale) {
        String code = unit == null || unit.isBlank() ? balances.home() : unit.trim();
        form(model, code, year);
        if (code != null) {
            try {
                BalanceView b = balances.balance(code, year);
                model.addAttribute("b", b);
                model.addAttribute("year", b.year());
                model.addAttribute("history", balances.history(code, b.year()));
            } catch (InvalidInputException e) {
                model.addAttribute("error", message(e.problems().get(0), locale));
            }
        }
        return "balance/page";
    }

    /** Runs a what-if (htmx: the result fragment); nothing is saved, so it can be re-run with other figures. */
    @PostMapping("/balance/what-if")
    String runWhatIf(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String budget,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            Locale locale) {
        BigDecimal amount = null;
        try {
            amount = budget == null || budget.isBlank() ? null : new BigDecimal(budget.trim());
        } catch (NumberFormatException e) {
            model.addAttribute("whatIfError", messages.getMessage("error.type-mismatch", null, locale));
        }
        model.addAttribute(
                "w",
                Map.of(
                        "indicator",
                        indicator == null ? "" : indicator,
                        "stage",
                        stage == null ? "" : stage,
                        "budget",
                        budget == null ? "" : budget));
        if (!model.containsAttribute("whatIfError")) {
            try {
                model.addAttribute("result", whatIf.run(new WhatIf.Request(unit, year, indicator, stage, amount)));
            } catch (InvalidInputException e) {
                model.addAttribute("whatIfError", message(e.problems().get(0), locale));
            }
        }
        if (htmx != null) {
            return "balance/page :: whatif-result";
        }
        return page(unit, year, model, locale);
    }

    @GetMapping("/balance.xlsx")
    ResponseEntity<byte[]> excel(
            @RequestParam(required = false) String unit, @RequestParam(required = false) Integer year) {
        ExcelBook.File file = files.excel(unit, year);
        return Downloads.xlsx(file.name(), file.body());
    }

    @GetMapping("/balance.pdf")
    ResponseEntity<byte[]> pdf(
            @RequestParam(required = false) String unit, @RequestParam(required = false) Integer year) {
        return Downloads.file("balance-" + unit + ".pdf", MediaType.APPLICATION_PDF, files.pdf(unit, year));
    }

    /** A bad unit or year in a download link: the error page with 400, not a trace. */
    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return new ModelAndView("error", Map.of("status", HttpServletResponse.SC_BAD_REQUEST));
    }

    private void form(Model model, String unit, Integer year) {
        int now = balances.thisYear();
        model.addAttribute("unit", unit == null ? "" : unit);
        model.addAttribute("year", year == null ? now : year);
        List<Integer> years =
                IntStream.rangeClosed(0, 6).map(i -> now + 1 - i).boxed().toList();
        model.addAttribute("years", years);
        model.addAttribute("indicators", Arrays.asList(Indicator.values()));
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (Indicator i : Indicator.values()) {
            names.put(
                    i.code(),
                    messages.getMessage(
                            "balance.indicator." + i.code(),
                            null,
                            i.label(),
                            org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        }
        model.addAttribute("names", names);
    }

    private String message(FieldProblem p, Locale locale) {
        return messages.getMessage(p.message(), p.args(), p.message(), locale);
    }
}
