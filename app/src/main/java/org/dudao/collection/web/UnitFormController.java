package org.dudao.collection.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dudao.collection.internal.FormInput;
import org.dudao.collection.internal.StaleValuesException;
import org.dudao.collection.internal.UnitForm;
import org.dudao.collection.internal.UnitForms;
import org.dudao.collection.internal.ValueQueries;
import org.dudao.data.DataItem;
import org.dudao.data.DataItems;
import org.dudao.data.ItemValues;
import org.dudao.evidence.EvidenceStore;
import org.dudao.evidence.EvidenceTooLargeException;
import org.dudao.shared.ConflictException;
import org.dudao.shared.FieldProblem;
import org.dudao.shared.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The form of one unit in a task: filling in, submitting, review (return / approve), history and evidence. */
@Controller
class UnitFormController {

    private final UnitForms forms;
    private final ValueQueries queries;
    private final DataItems items;
    private final EvidenceStore evidence;
    private final WebTexts texts;

    UnitFormController(UnitForms forms, ValueQueries queries, DataItems items, EvidenceStore evidence, WebTexts texts) {
        this.forms = forms;
        this.queries = queries;
        this.items = items;
        this.evidence = evidence;
        this.texts = texts;
    }

    @GetMapping("/collection/tasks/{id}/units/{code}")
    String form(@PathVariable Long id, @PathVariable String code, Model model) {
        return render(forms.form(id, code), Map.of(), Map.of(), model);
    }

    @PostMapping("/collection/tasks/{id}/units/{code}")
    String save(
            @PathVariable Long id,
            @PathVariable String code,
            @RequestParam MultiValueMap<String, String> params,
            @RequestParam(defaultValue = "draft") String action,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> versions = new HashMap<>();
        params.forEach((name, list) -> {
            if (name.startsWith("v_")) {
                values.put(name.substring(2), list.get(0));
            } else if (name.startsWith("ver_")) {
                try {
                    versions.put(name.substring(4), Integer.valueOf(list.get(0)));
                } catch (NumberFormatException ignored) {
                    // a tampered version is simply not checked
                }
            }
        });
        FormInput input = new FormInput(values, versions, params.getFirst("explanation"));
        try {
            if ("submit".equals(action)) {
                forms.submit(id, code, input);
                redirect.addFlashAttribute("notice", "collection.form.submitted");
            } else {
                forms.saveDraft(id, code, input);
                redirect.addFlashAttribute("notice", "collection.form.saved");
            }
            return "redirect:/collection/tasks/" + id + "/units/" + code;
        } catch (InvalidInputException e) {
            model.addAttribute(
                    "failure", text("collection.form.fix-errors", e.problems().size()));
            return render(
                    forms.form(id, code), values, texts.byField(e.problems()), model, params.getFirst("explanation"));
        } catch (StaleValuesException e) {
            model.addAttribute("failure", text(e.getMessage(), e.args()));
            return render(
                    forms.form(id, code), values, texts.byField(e.problems()), model, params.getFirst("explanation"));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("failureText", text(e.getMessage(), e.args()));
            return "redirect:/collection/tasks/" + id + "/units/" + code;
        }
    }

    @PostMapping("/collection/tasks/{id}/units/{code}/return")
    String returnForm(
            @PathVariable Long id,
            @PathVariable String code,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            forms.returnForChanges(id, code, reason);
            redirect.addFlashAttribute("notice", "collection.form.returned");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("failureText", text("collection.form.reason-required"));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("failureText", text(e.getMessage(), e.args()));
        }
        return "redirect:/collection/tasks/" + id + "/units/" + code;
    }

    @PostMapping("/collection/tasks/{id}/units/{code}/approve")
    String approve(@PathVariable Long id, @PathVariable String code, RedirectAttributes redirect) {
        try {
            forms.approve(id, code);
            redirect.addFlashAttribute("notice", "collection.form.approved");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("failureText", text(e.getMessage(), e.args()));
        }
        return "redirect:/collection/tasks/" + id + "/units/" + code;
    }

    /** Inline check of one field while typing (htmx): the message, or nothing. */
    @PostMapping(path = "/collection/validate/{item}", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String validate(@PathVariable String item, @RequestParam MultiValueMap<String, String> params) {
        DataItem dataItem = items.entity(item);
        ItemValues.Parsed parsed = ItemValues.parse(dataItem, params.getFirst("v_" + item));
        return parsed.ok()
                ? ""
                : org.springframework.web.util.HtmlUtils.htmlEscape(text(parsed.problem(), parsed.args()));
    }

    @GetMapping("/collection/history")
    String history(@RequestParam String orgUnit, @RequestParam String item, @RequestParam String period, Model model) {
        model.addAttribute("history", queries.history(orgUnit, item, period));
        model.addAttribute("item", items.get(item));
        return "collection/history :: history";
    }

    @PostMapping("/collection/tasks/{id}/units/{code}/evidence")
    String upload(
            @PathVariable Long id,
            @PathVariable String code,
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String item,
            RedirectAttributes redirect)
            throws IOException {
        try {
            evidence.upload(file.getInputStream(), file.getOriginalFilename(), code, null, item, id);
            redirect.addFlashAttribute("notice", "collection.evidence.uploaded");
        } catch (InvalidInputException e) {
            FieldProblem p = e.problems().get(0);
            redirect.addFlashAttribute("failureText", text(p.message(), p.args()));
        } catch (EvidenceTooLargeException e) {
            redirect.addFlashAttribute("failureText", text("evidence.error.too-large", e.limitBytes() / (1024 * 1024)));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("failureText", text(e.getMessage(), e.args()));
        }
        return "redirect:/collection/tasks/" + id + "/units/" + code + "#evidence";
    }

    @PostMapping("/collection/tasks/{id}/units/{code}/evidence/{evidenceId}/delete")
    String deleteEvidence(
            @PathVariable Long id,
            @PathVariable String code,
            @PathVariable Long evidenceId,
            RedirectAttributes redirect) {
        try {
            evidence.delete(evidenceId);
            redirect.addFlashAttribute("notice", "collection.evidence.deleted");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("failureText", text(e.getMessage(), e.args()));
        }
        return "redirect:/collection/tasks/" + id + "/units/" + code + "#evidence";
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private String render(UnitForm form, Map<String, String> posted, Map<String, String> errors, Model model) {
        return render(form, posted, errors, model, null);
    }

    private String render(
            UnitForm form, Map<String, String> posted, Map<String, String> errors, Model model, String explanation) {
        model.addAttribute("form", form);
        model.addAttribute("posted", posted);
        model.addAttribute("errors", errors);
        model.addAttribute("explanation", explanation != null ? explanation : form.explanation());
        model.addAttribute("evidence", evidence.list(form.orgUnit(), null, null, form.taskId()));
        model.addAttribute("maxMb", evidence.maxBytes() / (1024 * 1024));
        return "collection/form";
    }

    private String text(String key, Object... args) {
        return texts.text(key, args);
    }
}
