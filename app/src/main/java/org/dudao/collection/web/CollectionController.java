package org.dudao.collection.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.collection.CollectionTasks;
import org.dudao.collection.NewTask;
import org.dudao.collection.internal.FormInput;
import org.dudao.collection.internal.StaleValuesException;
import org.dudao.collection.internal.TaskBoard;
import org.dudao.collection.internal.TaskReminders;
import org.dudao.collection.internal.UnitForm;
import org.dudao.collection.internal.UnitForms;
import org.dudao.collection.internal.ValueQueries;
import org.dudao.collection.internal.excel.ExcelExport;
import org.dudao.data.DataItem;
import org.dudao.data.DataItems;
import org.dudao.data.ItemValues;
import org.dudao.evidence.EvidenceStore;
import org.dudao.evidence.EvidenceTooLargeException;
import org.dudao.shared.ConflictException;
import org.dudao.shared.FieldProblem;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.MenuEntry;
import org.dudao.shared.Role;
import org.dudao.shared.web.Downloads;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/** Screens of data collection: task list, issuing, progress board, the unit form with review, history. */
@Controller
class CollectionController {

    private final CollectionTasks tasks;
    private final TaskBoard board;
    private final TaskReminders reminders;
    private final UnitForms forms;
    private final ValueQueries queries;
    private final DataItems items;
    private final ExcelExport export;
    private final EvidenceStore evidence;
    private final MessageSource messages;

    CollectionController(
            CollectionTasks tasks,
            TaskBoard board,
            TaskReminders reminders,
            UnitForms forms,
            ValueQueries queries,
            DataItems items,
            ExcelExport export,
            EvidenceStore evidence,
            MessageSource messages) {
        this.tasks = tasks;
        this.board = board;
        this.reminders = reminders;
        this.forms = forms;
        this.queries = queries;
        this.items = items;
        this.export = export;
        this.evidence = evidence;
        this.messages = messages;
    }

    @Bean
    static MenuEntry collectionTasksMenu() {
        return new MenuEntry("collection.nav.section", "collection.nav.tasks", "/collection", 200, Role.STAFF);
    }

    @Bean
    static MenuEntry collectionConsistencyMenu() {
        return new MenuEntry(
                "collection.nav.section", "collection.nav.consistency", "/collection/consistency", 220, Role.STAFF);
    }

    @Bean
    static MenuEntry collectionImportMenu() {
        return new MenuEntry(
                "collection.nav.section", "collection.nav.import", "/collection/import", 230, Role.DATA_ENTRY);
    }

    @GetMapping("/collection")
    String index(Model model) {
        model.addAttribute("mine", board.mine());
        model.addAttribute("tasks", board.list());
        model.addAttribute("canIssue", board.canIssue());
        return "collection/index";
    }

    // ---- issuing ------------------------------------------------------------------------------------------

    @GetMapping("/collection/tasks/new")
    String newTask(Model model) {
        model.addAttribute("items", items.list());
        model.addAttribute("form", new TaskEdit());
        return "collection/task-new";
    }

    @PostMapping("/collection/tasks/new")
    String createTask(TaskEdit form, Model model, RedirectAttributes redirect) {
        try {
            Long id = tasks.create(form.toNewTask()).id();
            redirect.addFlashAttribute("created", true);
            return "redirect:/collection/tasks/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", messagesOf(e.problems()));
            model.addAttribute("items", items.list());
            model.addAttribute("form", form);
            return "collection/task-new";
        }
    }

    @GetMapping("/collection/tasks/{id}")
    String progress(@PathVariable Long id, Model model) {
        model.addAttribute("progress", board.progress(id));
        return "collection/task";
    }

    @PostMapping("/collection/tasks/{id}/remind")
    String remind(
            @PathVariable Long id,
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) String message,
            RedirectAttributes redirect) {
        int n = reminders.remind(id, orgUnit, message);
        redirect.addFlashAttribute("reminded", n);
        return "redirect:/collection/tasks/" + id;
    }

    @GetMapping("/collection/tasks/{id}/export")
    ResponseEntity<byte[]> exportTask(@PathVariable Long id, @RequestParam(required = false) String orgUnit)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.exportTask(id, orgUnit, out);
        return Downloads.xlsx("task-" + id + ".xlsx", out.toByteArray());
    }

    // ---- the unit form ------------------------------------------------------------------------------------

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
                    forms.form(id, code), values, messagesOf(e.problems()), model, params.getFirst("explanation"));
        } catch (StaleValuesException e) {
            model.addAttribute("failure", text(e.getMessage(), e.args()));
            return render(
                    forms.form(id, code), values, messagesOf(e.problems()), model, params.getFirst("explanation"));
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

    private Map<String, String> messagesOf(List<FieldProblem> problems) {
        Map<String, String> result = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            result.merge(p.field(), text(p.message(), p.args()), (a, b) -> a + "；" + b);
        }
        return result;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** The issuing form: sections as "title: code, code" lines, rules as "left <= right + right" lines. */
    static class TaskEdit {
        private String name;
        private String period;
        private String rootUnit;
        private List<String> kinds = new ArrayList<>();
        private String deadline;
        private String description;
        private List<String> items = new ArrayList<>();
        private String sectionTitle;
        private String rules;

        NewTask toNewTask() {
            List<NewTask.Rule> ruleList = new ArrayList<>();
            if (rules != null) {
                for (String line : rules.split("\\R")) {
                    String l = line.trim();
                    if (l.isEmpty()) {
                        continue;
                    }
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\S+)\\s*(<=|>=|<|>|=)\\s*(.+)")
                            .matcher(l);
                    if (m.matches()) {
                        ruleList.add(new NewTask.Rule(
                                m.group(1), m.group(2), List.of(m.group(3).split("\\s*\\+\\s*")), null));
                    } else {
                        ruleList.add(new NewTask.Rule(l, "?", List.of(), null));
                    }
                }
            }
            String title = sectionTitle == null || sectionTitle.isBlank() ? "1" : sectionTitle.trim();
            return new NewTask(
                    name,
                    period,
                    rootUnit,
                    kinds,
                    deadline,
                    description,
                    List.of(new NewTask.Section(title, items)),
                    ruleList,
                    null);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getPeriod() {
            return period;
        }

        public void setPeriod(String period) {
            this.period = period;
        }

        public String getRootUnit() {
            return rootUnit;
        }

        public void setRootUnit(String rootUnit) {
            this.rootUnit = rootUnit;
        }

        public List<String> getKinds() {
            return kinds;
        }

        public void setKinds(List<String> kinds) {
            this.kinds = kinds;
        }

        public String getDeadline() {
            return deadline;
        }

        public void setDeadline(String deadline) {
            this.deadline = deadline;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public List<String> getItems() {
            return items;
        }

        public void setItems(List<String> items) {
            this.items = items;
        }

        public String getSectionTitle() {
            return sectionTitle;
        }

        public void setSectionTitle(String sectionTitle) {
            this.sectionTitle = sectionTitle;
        }

        public String getRules() {
            return rules;
        }

        public void setRules(String rules) {
            this.rules = rules;
        }
    }
}
