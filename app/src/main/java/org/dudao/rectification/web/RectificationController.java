package org.dudao.rectification.web;

import java.util.List;
import java.util.Locale;
import org.dudao.rectification.ItemFilter;
import org.dudao.rectification.ItemView;
import org.dudao.rectification.RectificationSource;
import org.dudao.rectification.Rectifications;
import org.dudao.rectification.internal.Escalations;
import org.dudao.rectification.internal.ItemsExcel;
import org.dudao.rectification.internal.NoticePrinter;
import org.dudao.rectification.internal.NoticeView;
import org.dudao.shared.ConflictException;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The rectification items of the user's scope, with the moves the unit and its supervisor make, the escalation
 * level of overdue items (filter, badge, 催办 reminder) and an item's detail with its escalation history.
 */
@Controller
class RectificationController {

    /** The ladder's levels, mildest first, for the filter. */
    static final List<String> LEVELS = List.of("REMINDER", "CRITICISM", "SUPERVISED", "INTERVIEW");

    /** The status filter's choices: 未销号 first, then each status. */
    static final List<String> STATUSES = List.of(ItemFilter.OPEN, "PLANNING", "IN_PROGRESS", "REVIEW", "CLOSED");

    private final Rectifications rectifications;
    private final Escalations escalations;
    private final MessageSource messages;

    private final NoticePrinter printer;
    private final ItemsExcel excel;

    RectificationController(
            Rectifications rectifications,
            Escalations escalations,
            NoticePrinter printer,
            ItemsExcel excel,
            MessageSource messages) {
        this.printer = printer;
        this.excel = excel;
        this.rectifications = rectifications;
        this.escalations = escalations;
        this.messages = messages;
    }

    @Bean
    static MenuEntry rectificationMenu() {
        return new MenuEntry("nav.section.evaluation", "rectification.title", "/rectification", 310, Role.STAFF);
    }

    /** The items of the filter in the URL; a bad filter shows every item and says what was wrong. */
    @GetMapping("/rectification")
    String index(ItemFilter filter, Model model, Locale locale) {
        ItemFilter shown = filter;
        List<ItemView> items;
        try {
            items = rectifications.list(filter);
        } catch (InvalidInputException e) {
            FieldProblem p = e.problems().get(0);
            model.addAttribute("filterError", messages.getMessage(p.message(), p.args(), p.message(), locale));
            shown = new ItemFilter(filter.unit(), null, null, null, null, null, null);
            items = rectifications.list(shown);
        }
        List<ItemView> all = rectifications.list(shown.unit(), null, null);
        model.addAttribute("items", items);
        model.addAttribute("actions", rectifications.actions(items));
        // 催办: what the unit sees once its overdue items reached the first level of the ladder
        model.addAttribute(
                "reminded",
                all.stream()
                        .filter(i -> i.escalation() != null && !i.status().equals("CLOSED"))
                        .count());
        model.addAttribute("filter", shown);
        model.addAttribute("levels", LEVELS);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("sources", RectificationSource.values());
        model.addAttribute("townships", Rectifications.townships(all));
        model.addAttribute("exportUrl", query(UriComponentsBuilder.fromPath("/rectification.xlsx"), shown));
        model.addAttribute("canEscalate", escalations.canRun());
        return "rectification/index";
    }

    @GetMapping("/rectification.xlsx")
    ResponseEntity<byte[]> excel(ItemFilter filter) {
        ExcelBook.File file = excel.items(filter);
        return Downloads.xlsx(file.name(), file.body());
    }

    /** The filter as query parameters, without its empty fields. */
    static String query(UriComponentsBuilder url, ItemFilter f) {
        String[][] params = {
            {"unit", f.unit()},
            {"status", f.status()},
            {"escalation", f.escalation()},
            {"source", f.source()},
            {"township", f.township()},
            {"overdue", f.overdue()},
            {"q", f.q()}
        };
        for (String[] p : params) {
            if (p[1] != null && !p[1].isBlank()) url.queryParam(p[0], p[1].trim());
        }
        return url.encode().toUriString();
    }

    @GetMapping("/rectification/{item}")
    String detail(@PathVariable Long item, Model model) {
        ItemView i = rectifications.get(item);
        model.addAttribute("i", i);
        model.addAttribute("notice", i.notice() == null ? null : rectifications.notice(i.notice()));
        model.addAttribute("canIssue", rectifications.canIssueNotice(i));
        return "rectification/detail";
    }

    @GetMapping("/rectification/notices/{notice}.pdf")
    ResponseEntity<byte[]> noticePdf(@PathVariable Long notice, Locale locale) {
        NoticeView n = rectifications.notice(notice);
        return Downloads.file(n.number() + ".pdf", MediaType.APPLICATION_PDF, printer.pdf(notice, locale));
    }

    @PostMapping("/rectification/escalations/run")
    String escalate(RedirectAttributes redirect) {
        redirect.addFlashAttribute("ran", escalations.escalateNow());
        return "redirect:/rectification";
    }

    @PostMapping("/rectification/{item}/{move}")
    String move(
            @PathVariable Long item,
            @PathVariable String move,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String deadline,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            switch (move) {
                case "plan" -> rectifications.plan(item, text, deadline);
                case "report" -> rectifications.report(item, text, List.of());
                case "close" -> rectifications.close(item, text);
                case "reject" -> rectifications.reject(item, text);
                case "notice" -> rectifications.issueNotice(item);
                default -> throw new org.dudao.shared.NotFoundException("move " + move);
            }
            redirect.addFlashAttribute("done", true);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.getMessage(), e.args(), e.getMessage(), locale));
        } catch (InvalidInputException e) {
            FieldProblem p = e.problems().get(0);
            redirect.addFlashAttribute("error", messages.getMessage(p.message(), p.args(), p.message(), locale));
        }
        // a notice is read where it was issued: on the item's page, with its 文号
        return "notice".equals(move) ? "redirect:/rectification/" + item : "redirect:/rectification";
    }
}
