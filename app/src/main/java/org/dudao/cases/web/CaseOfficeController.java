package org.dudao.cases.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.dudao.cases.internal.CaseCategories;
import org.dudao.cases.internal.CaseHotspots;
import org.dudao.cases.internal.CaseImport;
import org.dudao.cases.internal.HotspotPrinter;
import org.dudao.cases.internal.HotspotView;
import org.dudao.shared.ConflictException;
import org.dudao.shared.FieldProblem;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.web.Downloads;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's screens for cases: the categories and their time limits, the bulk import of 12345 work orders with
 * its row report, and the hotspot reports (专报) with their archive.
 */
@Controller
class CaseOfficeController {

    private final CaseCategories categories;
    private final CaseImport imports;
    private final CaseHotspots hotspots;
    private final HotspotPrinter printer;
    private final MessageSource messages;

    CaseOfficeController(
            CaseCategories categories,
            CaseImport imports,
            CaseHotspots hotspots,
            HotspotPrinter printer,
            MessageSource messages) {
        this.categories = categories;
        this.imports = imports;
        this.hotspots = hotspots;
        this.printer = printer;
        this.messages = messages;
    }

    // ---- categories ---------------------------------------------------------------------------------------

    @GetMapping("/cases/categories")
    String categories(Model model) {
        model.addAttribute("categories", categories.list());
        model.addAttribute("canEdit", categories.canEdit());
        return "cases/categories";
    }

    @PostMapping("/cases/categories")
    String addCategory(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String timeLimit,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            var saved =
                    categories.add(new CaseCategories.CategoryForm(code, name, number("timeLimit", timeLimit), null));
            redirect.addFlashAttribute("saved", saved.name());
        } catch (InvalidInputException e) {
            flash(e, redirect, locale);
        }
        return "redirect:/cases/categories";
    }

    @PostMapping("/cases/categories/{code}")
    String updateCategory(
            @PathVariable String code,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String timeLimit,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            var saved = categories.update(
                    code, new CaseCategories.CategoryForm(null, name, number("timeLimit", timeLimit), version));
            redirect.addFlashAttribute("saved", saved.name());
        } catch (InvalidInputException e) {
            flash(e, redirect, locale);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", Map.of("version", text(e.getMessage(), locale)));
        }
        return "redirect:/cases/categories";
    }

    // ---- import -------------------------------------------------------------------------------------------

    @GetMapping("/cases/import")
    String importPage() {
        return "cases/import";
    }

    @GetMapping("/cases/import.xlsx")
    ResponseEntity<byte[]> template() {
        var file = imports.template();
        return Downloads.xlsx(file.name(), file.body());
    }

    /** Imports the upload; a rejected file comes back as the table of its rows, fields and problems. */
    @PostMapping("/cases/import")
    String importFile(@RequestParam(required = false) MultipartFile file, Model model, Locale locale)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) throw InvalidInputException.of("file", "cases.import.empty");
            model.addAttribute("imported", imports.fromExcel(file.getBytes()).imported());
        } catch (InvalidInputException e) {
            model.addAttribute(
                    "rejections",
                    e.problems().stream().map(p -> rejection(p, locale)).toList());
        }
        return "cases/import";
    }

    /** One line of the row report: "rows[12].unit" → row 12, field unit (in the template's words). */
    private Map<String, String> rejection(FieldProblem p, Locale locale) {
        Map<String, String> r = new LinkedHashMap<>();
        String field = p.field();
        String row = "";
        if (field.startsWith("rows[") && field.contains("].")) {
            row = field.substring(5, field.indexOf(']'));
            field = field.substring(field.indexOf("].") + 2);
        }
        r.put("row", row);
        r.put("field", text("cases.import.col." + field, locale, field));
        r.put("problem", messages.getMessage(p.message(), p.args(), p.message(), locale));
        return r;
    }

    // ---- hotspot reports ----------------------------------------------------------------------------------

    @GetMapping("/cases/hotspots")
    String hotspots(Model model) {
        model.addAttribute("hotspots", hotspots.list());
        model.addAttribute("canCompose", hotspots.canCompose());
        return "cases/hotspots";
    }

    @PostMapping("/cases/hotspots")
    String compose(
            @RequestParam(required = false) String office,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String threshold,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            HotspotView h = hotspots.compose(
                    new CaseHotspots.HotspotRequest(office, from, to, number("threshold", threshold)), locale);
            return "redirect:/cases/hotspots/" + h.id();
        } catch (InvalidInputException e) {
            flash(e, redirect, locale);
            return "redirect:/cases/hotspots";
        }
    }

    @GetMapping("/cases/hotspots/{id}")
    String hotspot(@PathVariable Long id, Model model, Locale locale) {
        HotspotView h = hotspots.get(id);
        model.addAttribute("h", h);
        model.addAttribute(
                "lines", h.hotspots().stream().map(x -> printer.line(x, locale)).toList());
        model.addAttribute("canManage", hotspots.canManage(h));
        return "cases/hotspot";
    }

    @PostMapping("/cases/hotspots/{id}")
    String editIntro(
            @PathVariable Long id,
            @RequestParam(required = false) String intro,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            hotspots.edit(id, new CaseHotspots.IntroForm(intro, version));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            flash(e, redirect, locale);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", Map.of("version", text(e.getMessage(), locale)));
        }
        return "redirect:/cases/hotspots/" + id;
    }

    @PostMapping("/cases/hotspots/{id}/issue")
    String issue(@PathVariable Long id, RedirectAttributes redirect, Locale locale) {
        try {
            hotspots.issue(id);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", Map.of("status", text(e.getMessage(), locale)));
        }
        return "redirect:/cases/hotspots/" + id;
    }

    @GetMapping("/cases/hotspots/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable Long id, Locale locale) {
        return Downloads.file(printer.name(id) + ".pdf", MediaType.APPLICATION_PDF, printer.pdf(id, locale));
    }

    @GetMapping("/cases/hotspots/{id}.docx")
    ResponseEntity<byte[]> docx(@PathVariable Long id, Locale locale) {
        return Downloads.file(printer.name(id) + ".docx", Downloads.DOCX, printer.docx(id, locale));
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static Integer number(String field, String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "error.type-mismatch");
        }
    }

    private void flash(InvalidInputException e, RedirectAttributes redirect, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.problems()
                .forEach(p ->
                        errors.putIfAbsent(p.field(), messages.getMessage(p.message(), p.args(), p.message(), locale)));
        redirect.addFlashAttribute("errors", errors);
    }

    private String text(String key, Locale locale) {
        return text(key, locale, key);
    }

    private String text(String key, Locale locale, String otherwise) {
        return messages.getMessage(key, null, otherwise, locale);
    }
}
