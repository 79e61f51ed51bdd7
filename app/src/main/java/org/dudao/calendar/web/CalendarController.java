package org.dudao.calendar.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dudao.calendar.WorkingDays;
import org.dudao.calendar.internal.WorkCalendars;
import org.dudao.calendar.internal.YearSchedule;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The working-day calendar: the years with their state (schedule known or "calendar missing"), a deadline
 * calculator, a year's days, and for administrators at the root the year's edit form and the .ics import.
 */
@Controller
class CalendarController {

    private final WorkCalendars calendars;
    private final WorkingDays workingDays;
    private final MessageSource messages;

    CalendarController(WorkCalendars calendars, WorkingDays workingDays, MessageSource messages) {
        this.calendars = calendars;
        this.workingDays = workingDays;
        this.messages = messages;
    }

    @Bean
    static MenuEntry calendarMenu() {
        return new MenuEntry("nav.section.system", "calendar.title", "/calendar", 930, Role.OFFICE);
    }

    @GetMapping("/calendar")
    String index(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) Integer days,
            Model model,
            Locale locale) {
        model.addAttribute("years", calendars.years());
        model.addAttribute("canEdit", calendars.canEdit());
        model.addAttribute("from", from);
        model.addAttribute("days", days);
        if (from != null && !from.isBlank() && days != null) {
            try {
                LocalDate start = LocalDate.parse(from.strip());
                if (days < 0 || days > 400 || start.getYear() < 2000 || start.getYear() > 2098) {
                    model.addAttribute("deadlineError", message("error.range", locale, 0, 400));
                } else {
                    model.addAttribute("deadline", workingDays.deadline(start, days));
                }
            } catch (DateTimeParseException e) {
                model.addAttribute("deadlineError", message("calendar.error.date", locale, from.strip()));
            }
        }
        return "calendar/index";
    }

    @GetMapping("/calendar/{year}")
    String year(@PathVariable int year, Model model) {
        YearSchedule y = calendars.year(year);
        model.addAttribute("y", y);
        model.addAttribute("canEdit", calendars.canEdit());
        model.addAttribute("holidayText", lines(y.holidays()));
        model.addAttribute("workdayText", lines(y.workdays()));
        return "calendar/year";
    }

    @PostMapping("/calendar/{year}")
    String save(
            @PathVariable int year,
            @RequestParam(required = false) String holidays,
            @RequestParam(required = false) String workdays,
            @RequestParam(required = false) Integer version,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            calendars.replace(year, split(holidays), split(workdays), version);
            redirect.addFlashAttribute("done", true);
            return "redirect:/calendar/" + year;
        } catch (InvalidInputException e) {
            FieldProblem p = e.problems().get(0);
            model.addAttribute("errorField", p.field());
            model.addAttribute("error", message(p.message(), locale, p.args()));
        } catch (ConflictException e) {
            model.addAttribute("error", message(e.getMessage(), locale, e.args()));
        }
        model.addAttribute("y", calendars.year(year));
        model.addAttribute("canEdit", calendars.canEdit());
        model.addAttribute("holidayText", holidays);
        model.addAttribute("workdayText", workdays);
        return "calendar/year";
    }

    @PostMapping("/calendar/import")
    String importIcs(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect, Locale locale)
            throws IOException {
        try {
            if (file == null || file.isEmpty() || file.getSize() > 1_000_000) {
                throw InvalidInputException.of("file", "calendar.error.ics");
            }
            try (InputStream in = file.getInputStream()) {
                List<YearSchedule> stored = calendars.importIcs(file.getOriginalFilename(), in);
                redirect.addFlashAttribute(
                        "imported",
                        String.join(
                                ", ",
                                stored.stream()
                                        .map(y -> String.valueOf(y.year()))
                                        .toList()));
            }
        } catch (InvalidInputException e) {
            FieldProblem p = e.problems().get(0);
            redirect.addFlashAttribute("importError", message(p.message(), locale, p.args()));
        }
        return "redirect:/calendar";
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String lines(List<LocalDate> days) {
        return String.join("\n", days.stream().map(LocalDate::toString).toList());
    }

    private static List<String> split(String text) {
        return text == null ? List.of() : Arrays.asList(text.split("[\\s,;，；]+"));
    }
}
