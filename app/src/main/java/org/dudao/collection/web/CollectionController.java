package org.dudao.collection.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.dudao.collection.CollectionTasks;
import org.dudao.collection.NewTask;
import org.dudao.collection.internal.TaskBoard;
import org.dudao.collection.internal.TaskReminders;
import org.dudao.collection.internal.excel.ExcelExport;
import org.dudao.collection.internal.excel.ExcelImport;
import org.dudao.data.DataItems;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.MenuEntry;
import org.dudao.shared.Role;
import org.dudao.shared.web.Downloads;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Screens of collection tasks: the task list, issuing, the progress board with reminders, the Excel export. */
@Controller
class CollectionController {

    private final CollectionTasks tasks;
    private final TaskBoard board;
    private final TaskReminders reminders;
    private final DataItems items;
    private final ExcelExport export;
    private final WebTexts texts;

    CollectionController(
            CollectionTasks tasks,
            TaskBoard board,
            TaskReminders reminders,
            DataItems items,
            ExcelExport export,
            WebTexts texts) {
        this.tasks = tasks;
        this.board = board;
        this.reminders = reminders;
        this.items = items;
        this.export = export;
        this.texts = texts;
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
        model.addAttribute("mayImport", ExcelImport.mayImport());
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
            model.addAttribute("errors", texts.byField(e.problems()));
            model.addAttribute("items", items.list());
            model.addAttribute("form", form);
            return "collection/task-new";
        }
    }

    @GetMapping("/collection/tasks/{id}")
    String progress(@PathVariable Long id, Model model) {
        model.addAttribute("progress", board.progress(id));
        model.addAttribute("mayImport", ExcelImport.mayImport());
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
