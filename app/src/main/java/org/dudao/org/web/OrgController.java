package org.dudao.org.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgTree;
import org.dudao.org.OrgUnitView;
import org.dudao.org.OrgUnits;
import org.dudao.org.internal.OrgImport;
import org.dudao.org.internal.UnitValues;
import org.dudao.shared.ConflictException;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.MenuEntry;
import org.dudao.shared.Role;
import org.dudao.shared.UnitLinks;
import org.dudao.shared.web.Downloads;
import org.dudao.shared.web.FormErrors;
import org.dudao.shared.web.PageRequests;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Screens of the org tree: tree and search, unit detail, create/edit/move/delete, Excel import. */
@Controller
class OrgController {

    private static final Set<String> SORTABLE = Set.of("code", "name", "kind");
    private final OrgUnits units;
    private final OrgTree tree;
    private final OrgImport importer;
    private final MessageSource messages;
    private final UnitValues values;
    private final List<UnitLinks> links;

    OrgController(
            OrgUnits units,
            OrgTree tree,
            OrgImport importer,
            MessageSource messages,
            UnitValues values,
            List<UnitLinks> links) {
        this.units = units;
        this.values = values;
        this.links = links;
        this.tree = tree;
        this.importer = importer;
        this.messages = messages;
    }

    @Bean
    static MenuEntry orgMenu() {
        return new MenuEntry("nav.section.base", "org.title", "/org", 100, Role.STAFF);
    }

    @ModelAttribute("kinds")
    OrgKind[] kinds() {
        return OrgKind.values();
    }

    @GetMapping("/org")
    String index(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "code") String sort,
            @RequestParam(defaultValue = "asc") String dir,
            Model model) {
        table(q, kind, page, sort, dir, model);
        model.addAttribute("mayEdit", tree.mayEdit());
        return "org/index";
    }

    /** The searchable, sortable, paged unit table (htmx fragment). */
    @GetMapping("/org/units")
    String table(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "code") String sort,
            @RequestParam(defaultValue = "asc") String dir,
            Model model) {
        OrgKind k = kind == null || kind.isBlank() ? null : OrgKind.parse(kind).orElse(null);
        model.addAttribute("page", units.search(q, k, null, PageRequests.of(page, 15, sort, dir, SORTABLE, "code")));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("kind", k == null ? "" : k.label());
        model.addAttribute("sort", sort);
        model.addAttribute("dir", dir);
        return "org/index :: table";
    }

    /** One level of the tree (htmx fragment); {@code pick} renders nodes as choices for the picker. */
    @GetMapping("/org/tree")
    String tree(
            @RequestParam(required = false) String parent,
            @RequestParam(defaultValue = "false") boolean pick,
            Model model) {
        model.addAttribute("nodes", units.children(parent));
        model.addAttribute("pick", pick);
        return "org/tree :: level";
    }

    /** The unit with its children, its collected data of one period and what other features hold about it. */
    @GetMapping("/org/{code}")
    String detail(@PathVariable String code, @RequestParam(required = false) String period, Model model) {
        OrgUnitView unit = units.get(code);
        model.addAttribute("unit", unit);
        model.addAttribute("values", values.of(unit.code(), period));
        model.addAttribute(
                "sections",
                links.stream()
                        .map(l -> l.section(unit.code()))
                        .filter(java.util.Objects::nonNull)
                        .sorted(java.util.Comparator.comparingInt(UnitLinks.Section::order))
                        .toList());
        model.addAttribute("crumbs", units.ancestors(code));
        model.addAttribute("children", units.children(code));
        model.addAttribute("canEdit", canEdit(unit));
        return "org/detail";
    }

    @GetMapping("/org/new")
    String createForm(@RequestParam(required = false) String parent, Model model) {
        OrgUnitEdit form = new OrgUnitEdit();
        form.setParentCode(parent);
        model.addAttribute("form", form);
        model.addAttribute("creating", true);
        return "org/form";
    }

    @PostMapping("/org/new")
    String create(
            @ModelAttribute("form") OrgUnitEdit form, BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            OrgUnitView created = tree.create(form.toForm());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/org/" + created.code();
        } catch (InvalidInputException e) {
            FormErrors.bind(e, result);
            model.addAttribute("creating", true);
            return "org/form";
        }
    }

    @GetMapping("/org/{code}/edit")
    String editForm(@PathVariable String code, Model model) {
        model.addAttribute("form", OrgUnitEdit.of(units.get(code)));
        model.addAttribute("creating", false);
        return "org/form";
    }

    @PostMapping("/org/{code}/edit")
    String edit(
            @PathVariable String code,
            @ModelAttribute("form") OrgUnitEdit form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        try {
            form.setCode(code);
            tree.update(code, form.toForm());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/org/" + code;
        } catch (InvalidInputException e) {
            FormErrors.bind(e, result);
        } catch (org.springframework.orm.ObjectOptimisticLockingFailureException e) {
            result.reject("error.stale");
        }
        model.addAttribute("creating", false);
        return "org/form";
    }

    @PostMapping("/org/{code}/move")
    String move(@PathVariable String code, @RequestParam String parentCode, RedirectAttributes redirect) {
        try {
            tree.move(code, parentCode);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "failure",
                    text(e.problems().get(0).message(), e.problems().get(0).args()));
        }
        return "redirect:/org/" + code;
    }

    @PostMapping("/org/{code}/delete")
    String delete(@PathVariable String code, RedirectAttributes redirect) {
        OrgUnitView unit = units.get(code);
        try {
            tree.delete(code);
            redirect.addFlashAttribute("deleted", unit.name());
            return unit.parentCode() == null ? "redirect:/org" : "redirect:/org/" + unit.parentCode();
        } catch (ConflictException e) {
            redirect.addFlashAttribute("failure", text(e.getMessage(), e.args()));
            return "redirect:/org/" + code;
        }
    }

    @GetMapping("/org/import")
    String importForm() {
        return "org/import";
    }

    @PostMapping("/org/import")
    String importFile(
            @RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun, Model model)
            throws IOException {
        try {
            model.addAttribute("report", importer.importWorkbook(file.getInputStream(), dryRun));
        } catch (InvalidInputException e) {
            model.addAttribute("failure", text(e.problems().get(0).message()));
        }
        return "org/import";
    }

    @GetMapping("/org/import/template")
    ResponseEntity<byte[]> template() {
        return Downloads.xlsx("org-units-template.xlsx", importer.template());
    }

    @GetMapping("/org/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String under) {
        return Downloads.xlsx("org-units.xlsx", importer.export(under));
    }

    private boolean canEdit(OrgUnitView unit) {
        return tree.canEdit(unit.code());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
