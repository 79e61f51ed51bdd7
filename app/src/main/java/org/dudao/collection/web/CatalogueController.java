package org.dudao.collection.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Year;
import org.dudao.collection.internal.Consistency;
import org.dudao.collection.internal.excel.ErrorReports;
import org.dudao.collection.internal.excel.ExcelImport;
import org.dudao.collection.internal.excel.ImportGate;
import org.dudao.collection.internal.excel.ImportJobs;
import org.dudao.data.Aggregation;
import org.dudao.data.DataItemForm;
import org.dudao.data.DataItemView;
import org.dudao.data.DataItems;
import org.dudao.data.PeriodType;
import org.dudao.data.ValueType;
import org.dudao.org.OrgUnits;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.MenuEntry;
import org.dudao.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
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

/** Screens of the item catalogue, the Excel import with progress, and the consistency check. */
@Controller
class CatalogueController {

    private final DataItems items;
    private final ImportJobs jobs;
    private final ExcelImport importer;
    private final Consistency consistency;
    private final OrgUnits units;
    private final WebTexts texts;
    private final Clock clock;

    CatalogueController(
            DataItems items,
            ImportJobs jobs,
            ExcelImport importer,
            Consistency consistency,
            OrgUnits units,
            WebTexts texts,
            Clock clock) {
        this.items = items;
        this.jobs = jobs;
        this.importer = importer;
        this.consistency = consistency;
        this.units = units;
        this.texts = texts;
        this.clock = clock;
    }

    @Bean
    static MenuEntry dataItemsMenu() {
        return new MenuEntry("collection.nav.section", "collection.nav.items", "/collection/items", 210, Role.STAFF);
    }

    @ModelAttribute("valueTypes")
    ValueType[] valueTypes() {
        return ValueType.values();
    }

    @ModelAttribute("periodTypes")
    PeriodType[] periodTypes() {
        return PeriodType.values();
    }

    @ModelAttribute("aggregations")
    Aggregation[] aggregations() {
        return Aggregation.values();
    }

    @GetMapping("/collection/items")
    String items(Model model) {
        model.addAttribute("items", items.list());
        model.addAttribute("computedElsewhere", items.computedElsewhere());
        model.addAttribute("canEdit", items.canEdit());
        return "collection/items";
    }

    @GetMapping("/collection/items/new")
    String newItem(Model model) {
        model.addAttribute(
                "item", new DataItemForm(null, null, null, "INTEGER", null, null, false, "NONE", "YEAR", null, null));
        model.addAttribute("creating", true);
        return "collection/item-form";
    }

    @PostMapping("/collection/items/new")
    String create(DataItemForm form, Model model, RedirectAttributes redirect) {
        try {
            items.create(form);
            redirect.addFlashAttribute("saved", form.code());
            return "redirect:/collection/items";
        } catch (InvalidInputException e) {
            return formAgain(form, e, true, model);
        }
    }

    @GetMapping("/collection/items/{code}/edit")
    String edit(@PathVariable String code, Model model) {
        DataItemView v = items.get(code);
        model.addAttribute(
                "item",
                new DataItemForm(
                        v.code(),
                        v.name(),
                        v.unit(),
                        v.valueType().name(),
                        v.minValue() == null
                                ? null
                                : v.minValue().stripTrailingZeros().toPlainString(),
                        v.maxValue() == null
                                ? null
                                : v.maxValue().stripTrailingZeros().toPlainString(),
                        v.required(),
                        v.aggregation().name(),
                        v.periodType().name(),
                        v.description(),
                        v.formula(),
                        v.version()));
        model.addAttribute("creating", false);
        return "collection/item-form";
    }

    @PostMapping("/collection/items/{code}/edit")
    String update(@PathVariable String code, DataItemForm form, Model model, RedirectAttributes redirect) {
        try {
            items.update(code, form);
            redirect.addFlashAttribute("saved", code);
            return "redirect:/collection/items";
        } catch (InvalidInputException e) {
            return formAgain(form, e, false, model);
        } catch (org.springframework.orm.ObjectOptimisticLockingFailureException e) {
            model.addAttribute("failure", text("error.stale"));
            model.addAttribute("item", form);
            model.addAttribute("creating", false);
            return "collection/item-form";
        }
    }

    private String formAgain(DataItemForm form, InvalidInputException e, boolean creating, Model model) {
        model.addAttribute("errors", texts.byField(e.problems()));
        model.addAttribute("item", form);
        model.addAttribute("creating", creating);
        return "collection/item-form";
    }

    // ---- Excel import with progress -----------------------------------------------------------------------

    @GetMapping("/collection/import")
    String importForm() {
        return "collection/import";
    }

    @PostMapping("/collection/import")
    String startImport(
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String period,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Model model)
            throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("failure", text("collection.file.empty"));
            return "collection/import";
        }
        try {
            return "redirect:/collection/import/"
                    + jobs.start(file.getInputStream(), period, dryRun).getId();
        } catch (ImportGate.ImportBusyException e) {
            model.addAttribute("failure", text("collection.import.busy", e.retryAfterSeconds()));
            return "collection/import";
        }
    }

    @GetMapping("/collection/import/{jobId}")
    String importPage(@PathVariable String jobId, Model model) {
        model.addAttribute("job", jobs.get(jobId));
        return "collection/import";
    }

    @GetMapping("/collection/import/{jobId}/status")
    String importStatus(@PathVariable String jobId, Model model) {
        model.addAttribute("job", jobs.get(jobId));
        return "collection/import :: status";
    }

    @GetMapping("/collection/import/{jobId}/errors.xlsx")
    ResponseEntity<Resource> errors(@PathVariable String jobId) throws IOException {
        return ErrorReports.download(importer, jobs.get(jobId));
    }

    // ---- consistency --------------------------------------------------------------------------------------

    @GetMapping("/collection/consistency")
    String consistency(
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) String period,
            Model model) {
        String p = period == null || period.isBlank()
                ? String.valueOf(Year.now(clock).getValue())
                : period.trim();
        model.addAttribute("period", p);
        String code = orgUnit == null || orgUnit.isBlank() ? null : orgUnit.trim();
        if (code == null) {
            java.util.List<org.dudao.org.OrgUnitView> roots = units.children(null);
            code = roots.isEmpty() ? null : roots.get(0).code();
        }
        model.addAttribute("orgUnit", code);
        if (code != null) {
            try {
                model.addAttribute("unit", units.get(code));
                model.addAttribute("mismatches", consistency.check(code, p));
            } catch (InvalidInputException e) {
                model.addAttribute("failure", text(e.problems().get(0).message()));
            }
        }
        return "collection/consistency";
    }

    private String text(String key, Object... args) {
        return texts.text(key, args);
    }
}
