package org.dudao.collection.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dudao.audit.AuditLog;
import org.dudao.collection.NewTask;
import org.dudao.collection.TaskView;
import org.dudao.data.DataItem;
import org.dudao.data.DataItems;
import org.dudao.data.PeriodType;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issuing (下发) a collection task: the office at the subtree root checks the form (sections of items of the
 * task's period type, cross-field rules) and sends it to the units of the chosen kinds, or to named units.
 */
@Service
public class TaskIssuing {

    private static final Set<String> OPS = Set.of("<=", "<", ">=", ">", "=");

    private final CollectionTaskRepository tasks;
    private final AssignmentRepository assignments;
    private final OrgUnits units;
    private final DataItems items;
    private final TaskViews views;
    private final AuditLog audit;
    private final Clock clock;

    TaskIssuing(
            CollectionTaskRepository tasks,
            AssignmentRepository assignments,
            OrgUnits units,
            DataItems items,
            TaskViews views,
            AuditLog audit,
            Clock clock) {
        this.tasks = tasks;
        this.assignments = assignments;
        this.units = units;
        this.items = items;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public TaskView create(NewTask input) {
        Problems problems = new Problems();
        if (problems.required("name", input.name())) {
            problems.name("name", input.name(), 100);
        }
        problems.maxLength("description", input.description(), 1000);
        String period = input.period() == null ? null : input.period().trim();
        PeriodType periodType = periodType(period, problems);
        LocalDate deadline = deadline(input.deadline(), problems);
        OrgUnitRef root = root(input.rootUnit(), problems);
        Set<OrgKind> kinds = kinds(input.kinds(), problems);
        Map<String, DataItem> used = new LinkedHashMap<>();
        List<TaskItem> taskItems = taskItems(input.sections(), periodType, used, problems);
        List<TaskRule> rules = rules(input.rules(), used, problems);
        List<OrgUnitRef> targets = root == null ? List.of() : targets(root, kinds, input.units(), problems);
        problems.throwIfAny();
        if (targets.isEmpty()) {
            throw InvalidInputException.of("kinds", "collection.error.no-units");
        }
        String kindText =
                kinds.isEmpty() ? null : kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        String description = input.description() == null || input.description().isBlank()
                ? null
                : input.description().trim();
        CollectionTask task = new CollectionTask(
                input.name().trim(),
                period,
                root.id(),
                kindText,
                deadline,
                description,
                Access.currentUsername(),
                Instant.now(clock),
                taskItems,
                rules);
        tasks.saveAndFlush(task);
        assignments.saveAll(
                targets.stream().map(u -> new Assignment(task.getId(), u.id())).toList());
        assignments.flush();
        TaskView view = views.view(task, new TaskViews.Visible(root, true));
        audited(task, root, targets.size(), used.keySet());
        return view;
    }

    private void audited(CollectionTask task, OrgUnitRef root, int unitCount, Set<String> itemCodes) {
        Map<String, Object> details = Map.of(
                "name",
                task.getName(),
                "period",
                task.getPeriod(),
                "root",
                root.code(),
                "units",
                unitCount,
                "items",
                itemCodes);
        audit.created("CollectionTask", task.getId(), task.getName(), root.path(), details);
    }

    private static PeriodType periodType(String period, Problems problems) {
        PeriodType type = PeriodType.of(period);
        if (problems.required("period", period) && type == null) {
            problems.add("period", "data.period.format");
        }
        return type;
    }

    private static LocalDate deadline(String input, Problems problems) {
        if (problems.required("deadline", input)) {
            try {
                LocalDate date = LocalDate.parse(input.trim());
                return problems.saneDate("deadline", date) ? date : null;
            } catch (DateTimeParseException e) {
                problems.add("deadline", "data.value.not-date");
            }
        }
        return null;
    }

    /** The subtree root, where the caller must hold an office role. */
    private OrgUnitRef root(String input, Problems problems) {
        if (!problems.required("rootUnit", input)) {
            return null;
        }
        try {
            OrgUnitRef root = units.readable(input.trim());
            Access.requireRole(root.path(), Role.OFFICE, "org unit " + root.code());
            return root;
        } catch (NotFoundException e) {
            problems.add("rootUnit", "collection.error.unit-unknown", input.trim());
            return null;
        }
    }

    /** The form's items by section; every item once, of the task's period type. Fills {@code used} by code. */
    private List<TaskItem> taskItems(
            List<NewTask.Section> input, PeriodType periodType, Map<String, DataItem> used, Problems problems) {
        List<NewTask.Section> sections = input == null ? List.of() : input;
        Set<String> allCodes = new HashSet<>();
        sections.stream().filter(s -> s != null && s.items() != null).forEach(s -> allCodes.addAll(s.items()));
        Map<String, DataItem> known = items.byCode(allCodes);
        List<TaskItem> taskItems = new ArrayList<>();
        for (int s = 0; s < sections.size(); s++) {
            NewTask.Section section = sections.get(s);
            String title = section == null
                            || section.title() == null
                            || section.title().isBlank()
                    ? String.valueOf(s + 1)
                    : section.title().trim();
            if (title.length() > 100) {
                problems.add("sections[" + s + "].title", "error.too-long", 100);
            }
            String field = "sections[" + s + "].items";
            for (String code : section == null || section.items() == null ? List.<String>of() : section.items()) {
                DataItem item = code == null ? null : known.get(code.trim());
                if (item == null) {
                    problems.add(field, "collection.error.item-unknown", code);
                } else if (used.putIfAbsent(item.getCode(), item) != null) {
                    problems.add(field, "collection.error.item-twice", item.getName());
                } else if (periodType != null && item.getPeriodType() != periodType) {
                    problems.add(field, "collection.error.item-period", item.getName());
                } else {
                    taskItems.add(new TaskItem(title, item.getId()));
                }
            }
        }
        if (used.isEmpty()) {
            problems.add("sections", "collection.error.no-items");
        }
        return taskItems;
    }

    private static List<TaskRule> rules(List<NewTask.Rule> input, Map<String, DataItem> used, Problems problems) {
        List<TaskRule> rules = new ArrayList<>();
        List<NewTask.Rule> ruleInputs = input == null ? List.of() : input;
        for (int r = 0; r < ruleInputs.size(); r++) {
            TaskRule rule = rule("rules[" + r + "]", ruleInputs.get(r), used, problems);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    /** {@code left op sum(right)} over numeric items of the form; null (with a problem) when it is not. */
    private static TaskRule rule(String field, NewTask.Rule rule, Map<String, DataItem> used, Problems problems) {
        if (rule == null || rule.left() == null || !used.containsKey(rule.left().trim())) {
            problems.add(field + ".left", "collection.error.rule-item");
            return null;
        }
        if (rule.op() == null || !OPS.contains(rule.op().trim())) {
            problems.add(field + ".op", "collection.error.rule-op");
            return null;
        }
        List<String> right = rule.right() == null
                ? List.of()
                : rule.right().stream()
                        .filter(c -> c != null && !c.isBlank())
                        .map(String::trim)
                        .toList();
        if (right.isEmpty()
                || right.stream().anyMatch(c -> !used.containsKey(c))
                || !used.get(rule.left().trim()).isNumeric()
                || right.stream().anyMatch(c -> !used.get(c).isNumeric())) {
            problems.add(field + ".right", "collection.error.rule-item");
            return null;
        }
        if (rule.message() != null && rule.message().length() > 200) {
            problems.add(field + ".message", "error.too-long", 200);
            return null;
        }
        String message = rule.message() == null || rule.message().isBlank()
                ? null
                : rule.message().trim();
        return new TaskRule(rule.left().trim(), rule.op().trim(), String.join(",", right), message);
    }

    /** Every unit of the kinds below the root, or exactly the named units, which must lie below it. */
    private List<OrgUnitRef> targets(OrgUnitRef root, Set<OrgKind> kinds, List<String> named, Problems problems) {
        if (named == null || named.isEmpty()) {
            return units.subtree(root.code()).stream()
                    .filter(u -> !u.id().equals(root.id()))
                    .filter(u -> kinds.isEmpty() || kinds.contains(u.kind()))
                    .toList();
        }
        List<String> codes = named.stream()
                .filter(c -> c != null && !c.isBlank())
                .map(String::trim)
                .distinct()
                .toList();
        Map<String, OrgUnitRef> found = units.readableByCode(codes);
        List<OrgUnitRef> targets = new ArrayList<>();
        for (String code : codes) {
            OrgUnitRef u = found.get(code);
            if (u == null || u.id().equals(root.id()) || !u.path().startsWith(root.path())) {
                problems.add("units", "collection.error.unit-outside", code);
            } else {
                targets.add(u);
            }
        }
        return targets;
    }

    /** Kinds by name, or the groups "SCHOOL" (学校) and "TOWNSHIP_LEVEL" (乡镇街道). */
    static Set<OrgKind> kinds(Collection<String> input, Problems problems) {
        Set<OrgKind> kinds = EnumSet.noneOf(OrgKind.class);
        if (input == null) {
            return kinds;
        }
        for (String k : input) {
            if (k == null || k.isBlank()) {
                continue;
            }
            String t = k.trim();
            if (t.equalsIgnoreCase("SCHOOL") || t.equals("学校")) {
                Arrays.stream(OrgKind.values()).filter(OrgKind::isSchool).forEach(kinds::add);
            } else if (t.equalsIgnoreCase("TOWNSHIP_LEVEL") || t.equals("乡镇街道")) {
                Arrays.stream(OrgKind.values())
                        .filter(o -> o.level() == OrgKind.Level.TOWNSHIP)
                        .forEach(kinds::add);
            } else {
                OrgKind kind = OrgKind.parse(t).orElse(null);
                if (kind == null) {
                    problems.add("kinds", "org.error.kind-unknown", t);
                } else {
                    kinds.add(kind);
                }
            }
        }
        return kinds;
    }
}
