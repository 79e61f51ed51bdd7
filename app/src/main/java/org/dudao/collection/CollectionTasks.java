package org.dudao.collection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dudao.audit.AuditLog;
import org.dudao.data.DataItem;
import org.dudao.data.DataItems;
import org.dudao.data.PeriodType;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issuing collection tasks, listing them, the progress board and reminders. */
@Service
public class CollectionTasks {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Set<String> OPS = Set.of("<=", "<", ">=", ">", "=");

    private final CollectionTaskRepository tasks;
    private final AssignmentRepository assignments;
    private final ReminderRepository reminders;
    private final OrgUnits units;
    private final DataItems items;
    private final AuditLog audit;
    private final Clock clock;

    CollectionTasks(
            CollectionTaskRepository tasks,
            AssignmentRepository assignments,
            ReminderRepository reminders,
            OrgUnits units,
            DataItems items,
            AuditLog audit,
            Clock clock) {
        this.tasks = tasks;
        this.assignments = assignments;
        this.reminders = reminders;
        this.units = units;
        this.items = items;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- issuing ------------------------------------------------------------------------------------------

    @Transactional
    public TaskView create(NewTask input) {
        Problems problems = new Problems();
        if (problems.required("name", input.name())) {
            problems.maxLength("name", input.name().trim(), 100);
        }
        problems.maxLength("description", input.description(), 1000);
        String period = input.period() == null ? null : input.period().trim();
        PeriodType periodType = PeriodType.of(period);
        if (problems.required("period", period) && periodType == null) {
            problems.add("period", "data.period.format");
        }
        LocalDate deadline = null;
        if (problems.required("deadline", input.deadline())) {
            try {
                deadline = LocalDate.parse(input.deadline().trim());
            } catch (DateTimeParseException e) {
                problems.add("deadline", "data.value.not-date");
            }
        }
        OrgUnitRef root = null;
        if (problems.required("rootUnit", input.rootUnit())) {
            try {
                root = units.readable(input.rootUnit().trim());
                Access.requireRole(root.path(), CollectionRoles.ISSUERS, "org unit " + root.code());
            } catch (NotFoundException e) {
                problems.add(
                        "rootUnit",
                        "collection.error.unit-unknown",
                        input.rootUnit().trim());
            }
        }
        Set<OrgKind> kinds = kinds(input.kinds(), problems);
        List<TaskItem> taskItems = new ArrayList<>();
        Map<String, DataItem> used = new LinkedHashMap<>();
        List<NewTask.Section> sections = input.sections() == null ? List.of() : input.sections();
        Set<String> allCodes = new HashSet<>();
        sections.stream().filter(s -> s != null && s.items() != null).forEach(s -> allCodes.addAll(s.items()));
        Map<String, DataItem> known = items.byCode(allCodes);
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
            for (String code : section == null || section.items() == null ? List.<String>of() : section.items()) {
                DataItem item = code == null ? null : known.get(code.trim());
                if (item == null) {
                    problems.add("sections[" + s + "].items", "collection.error.item-unknown", code);
                } else if (used.putIfAbsent(item.getCode(), item) != null) {
                    problems.add("sections[" + s + "].items", "collection.error.item-twice", item.getName());
                } else if (periodType != null && item.getPeriodType() != periodType) {
                    problems.add("sections[" + s + "].items", "collection.error.item-period", item.getName());
                } else {
                    taskItems.add(new TaskItem(title, item.getId()));
                }
            }
        }
        if (used.isEmpty()) {
            problems.add("sections", "collection.error.no-items");
        }
        List<TaskRule> rules = new ArrayList<>();
        List<NewTask.Rule> ruleInputs = input.rules() == null ? List.of() : input.rules();
        for (int r = 0; r < ruleInputs.size(); r++) {
            NewTask.Rule rule = ruleInputs.get(r);
            String field = "rules[" + r + "]";
            if (rule == null
                    || rule.left() == null
                    || !used.containsKey(rule.left().trim())) {
                problems.add(field + ".left", "collection.error.rule-item");
                continue;
            }
            if (rule.op() == null || !OPS.contains(rule.op().trim())) {
                problems.add(field + ".op", "collection.error.rule-op");
                continue;
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
                continue;
            }
            if (rule.message() != null && rule.message().length() > 200) {
                problems.add(field + ".message", "error.too-long", 200);
                continue;
            }
            rules.add(new TaskRule(
                    rule.left().trim(),
                    rule.op().trim(),
                    String.join(",", right),
                    rule.message() == null || rule.message().isBlank()
                            ? null
                            : rule.message().trim()));
        }
        List<OrgUnitRef> targets = root == null ? List.of() : targets(root, kinds, input.units(), problems);
        problems.throwIfAny();
        if (targets.isEmpty()) {
            throw org.dudao.shared.InvalidInputException.of("kinds", "collection.error.no-units");
        }
        String kindText =
                kinds.isEmpty() ? null : kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        CollectionTask task = new CollectionTask(
                input.name().trim(),
                period,
                root.id(),
                kindText,
                deadline,
                input.description() == null || input.description().isBlank()
                        ? null
                        : input.description().trim(),
                Access.currentUsername(),
                Instant.now(clock),
                taskItems,
                rules);
        tasks.saveAndFlush(task);
        List<Assignment> list =
                targets.stream().map(u -> new Assignment(task.getId(), u.id())).toList();
        assignments.saveAll(list);
        assignments.flush();
        TaskView view = view(task, root, true);
        audit.created(
                "CollectionTask",
                task.getId(),
                task.getName(),
                root.path(),
                Map.of(
                        "name",
                        task.getName(),
                        "period",
                        period,
                        "root",
                        root.code(),
                        "units",
                        list.size(),
                        "items",
                        used.keySet()));
        return view;
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

    // ---- reading ------------------------------------------------------------------------------------------

    /** Tasks the caller can see: issued within their scope, or with a unit of theirs among the recipients. */
    @Transactional(readOnly = true)
    public List<TaskView> list() {
        List<TaskView> result = new ArrayList<>();
        for (CollectionTask task : tasks.findAll()) {
            Visible v = visible(task);
            if (v != null) {
                result.add(view(task, v.root, v.rootReadable));
            }
        }
        result.sort(Comparator.comparing(TaskView::deadline)
                .reversed()
                .thenComparing(TaskView::id, Comparator.reverseOrder()));
        return result;
    }

    @Transactional(readOnly = true)
    public TaskView get(Long id) {
        CollectionTask task = task(id);
        Visible v = requireVisible(task);
        return view(task, v.root, v.rootReadable);
    }

    /** The forms the caller fills in (units they may write), newest deadline first, with reminders. */
    @Transactional(readOnly = true)
    public List<MyAssignment> mine() {
        List<MyAssignment> result = new ArrayList<>();
        LocalDate today = today();
        for (CollectionTask task : tasks.findAll()) {
            List<Assignment> list = assignments.findByTaskId(task.getId());
            Map<Long, OrgUnitRef> refs =
                    units.refs(list.stream().map(Assignment::getOrgUnitId).toList());
            List<Assignment> own = list.stream()
                    .filter(a -> {
                        OrgUnitRef u = refs.get(a.getOrgUnitId());
                        return u != null && Access.canRead(u.path()) && CollectionRoles.canWrite(u) && ownUnit(u);
                    })
                    .toList();
            Map<Long, List<ReminderView>> rem =
                    reminderViews(own.stream().map(Assignment::getId).toList());
            for (Assignment a : own) {
                OrgUnitRef u = refs.get(a.getOrgUnitId());
                result.add(new MyAssignment(
                        task.getId(),
                        task.getName(),
                        task.getPeriod(),
                        task.getDeadline(),
                        u.code(),
                        u.name(),
                        a.getStatus(),
                        overdue(task, a, today),
                        a.getReturnReason(),
                        rem.getOrDefault(a.getId(), List.of())));
            }
        }
        result.sort(Comparator.comparing(MyAssignment::deadline).reversed());
        return result;
    }

    /** A unit is the caller's own when a grant sits exactly at it (a clerk's school, a township's office). */
    private static boolean ownUnit(OrgUnitRef u) {
        return Access.currentUser().grants().stream()
                .anyMatch(g ->
                        CollectionRoles.WRITERS.contains(g.role()) && u.path().equals(g.path()));
    }

    @Transactional(readOnly = true)
    public Progress progress(Long id) {
        CollectionTask task = task(id);
        Visible v = requireVisible(task);
        LocalDate today = today();
        List<Assignment> list = assignments.findByTaskId(id);
        Map<Long, OrgUnitRef> refs =
                units.refs(list.stream().map(Assignment::getOrgUnitId).toList());
        List<Assignment> visible = list.stream()
                .filter(a -> refs.containsKey(a.getOrgUnitId())
                        && Access.canRead(refs.get(a.getOrgUnitId()).path()))
                .toList();
        Map<Long, List<ReminderView>> rem =
                reminderViews(visible.stream().map(Assignment::getId).toList());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (AssignmentStatus s : AssignmentStatus.values()) {
            counts.put(s.name(), 0L);
        }
        int overdue = 0;
        List<UnitProgress> rows = new ArrayList<>();
        for (Assignment a : visible) {
            OrgUnitRef u = refs.get(a.getOrgUnitId());
            counts.merge(a.getStatus().name(), 1L, Long::sum);
            boolean late = overdue(task, a, today);
            if (late) {
                overdue++;
            }
            List<ReminderView> r = rem.getOrDefault(a.getId(), List.of());
            rows.add(new UnitProgress(
                    u.code(),
                    u.name(),
                    u.kind().label(),
                    a.getStatus(),
                    late,
                    a.getSubmittedBy(),
                    a.getSubmittedAt(),
                    a.getReturnReason(),
                    r.size(),
                    r.isEmpty() ? null : r.get(0).sentAt(),
                    CollectionRoles.canReview(u)));
        }
        rows.sort(Comparator.comparing(UnitProgress::overdue).reversed().thenComparing(UnitProgress::orgUnit));
        return new Progress(view(task, v.root, v.rootReadable), counts, visible.size(), overdue, rows);
    }

    /**
     * Reminds one unit, or with {@code orgUnit} null every unit in scope that has not submitted. Only the issuing
     * office (issuer at the task's root) or the unit's reviewers may remind. Returns how many were reminded.
     */
    @Transactional
    public int remind(Long id, String orgUnit, String message) {
        CollectionTask task = task(id);
        requireVisible(task);
        if (message != null && message.length() > 500) {
            throw org.dudao.shared.InvalidInputException.of("message", "error.too-long", 500);
        }
        OrgUnitRef root = units.refs(List.of(task.getRootUnitId())).get(task.getRootUnitId());
        boolean issuer = Access.canRead(root.path()) && Access.currentUser().can(CollectionRoles.ISSUERS, root.path());
        List<Assignment> targets;
        if (orgUnit != null && !orgUnit.isBlank()) {
            OrgUnitRef unit = units.readable(orgUnit.trim());
            Assignment a = assignments
                    .findByTaskIdAndOrgUnitId(id, unit.id())
                    .orElseThrow(() -> new NotFoundException("assignment " + orgUnit));
            if (!issuer && !CollectionRoles.canReview(unit)) {
                throw new ForbiddenException("collection.error.not-reviewer");
            }
            targets = List.of(a);
        } else {
            List<Assignment> list = assignments.findByTaskId(id);
            Map<Long, OrgUnitRef> refs =
                    units.refs(list.stream().map(Assignment::getOrgUnitId).toList());
            targets = list.stream()
                    .filter(a ->
                            a.getStatus() != AssignmentStatus.SUBMITTED && a.getStatus() != AssignmentStatus.APPROVED)
                    .filter(a -> {
                        OrgUnitRef u = refs.get(a.getOrgUnitId());
                        return Access.canRead(u.path()) && (issuer || CollectionRoles.canReview(u));
                    })
                    .toList();
            if (targets.isEmpty()
                    && !issuer
                    && list.stream().noneMatch(a -> CollectionRoles.canReview(refs.get(a.getOrgUnitId())))) {
                throw new ForbiddenException("collection.error.not-reviewer");
            }
        }
        String text = message == null || message.isBlank() ? null : message.trim();
        Instant now = Instant.now(clock);
        reminders.saveAll(targets.stream()
                .map(a -> new Reminder(a.getId(), text, Access.currentUsername(), now))
                .toList());
        audit.created(
                "CollectionReminder",
                task.getId(),
                task.getName(),
                root.path(),
                Map.of("units", targets.size(), "message", text == null ? "" : text));
        return targets.size();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    record Visible(OrgUnitRef root, boolean rootReadable) {}

    CollectionTask task(Long id) {
        return tasks.findById(id).orElseThrow(() -> new NotFoundException("collection task " + id));
    }

    /** Visible when the root is readable or some recipient is; otherwise the task "does not exist". */
    Visible requireVisible(CollectionTask task) {
        Visible v = visible(task);
        if (v == null) {
            throw new NotFoundException("collection task " + task.getId());
        }
        return v;
    }

    private Visible visible(CollectionTask task) {
        OrgUnitRef root = units.refs(List.of(task.getRootUnitId())).get(task.getRootUnitId());
        if (Access.canRead(root.path())) {
            return new Visible(root, true);
        }
        List<Assignment> list = assignments.findByTaskId(task.getId());
        boolean any = units.refs(list.stream().map(Assignment::getOrgUnitId).toList()).values().stream()
                .anyMatch(u -> Access.canRead(u.path()));
        return any ? new Visible(root, false) : null;
    }

    TaskView view(CollectionTask task, OrgUnitRef root, boolean rootReadable) {
        Map<Long, DataItem> byId =
                items.byId(task.getItems().stream().map(TaskItem::getItemId).toList());
        Map<String, List<TaskView.ItemRef>> sections = new LinkedHashMap<>();
        for (TaskItem ti : task.getItems()) {
            DataItem i = byId.get(ti.getItemId());
            sections.computeIfAbsent(ti.getSection(), k -> new ArrayList<>())
                    .add(new TaskView.ItemRef(i.getCode(), i.getName(), i.getUnit()));
        }
        List<TaskView.SectionView> sectionViews = sections.entrySet().stream()
                .map(e -> new TaskView.SectionView(e.getKey(), e.getValue()))
                .toList();
        List<TaskView.RuleView> rules = task.getRules().stream()
                .map(r -> new TaskView.RuleView(r.getLeftItem(), r.getOp(), r.rightCodes(), r.getMessage()))
                .toList();
        List<Assignment> list = assignments.findByTaskId(task.getId());
        Map<Long, OrgUnitRef> refs =
                units.refs(list.stream().map(Assignment::getOrgUnitId).toList());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (AssignmentStatus s : AssignmentStatus.values()) {
            counts.put(s.name(), 0L);
        }
        int total = 0;
        for (Assignment a : list) {
            OrgUnitRef u = refs.get(a.getOrgUnitId());
            if (u != null && Access.canRead(u.path())) {
                counts.merge(a.getStatus().name(), 1L, Long::sum);
                total++;
            }
        }
        List<String> kinds = task.getUnitKinds() == null
                ? List.of()
                : Arrays.asList(task.getUnitKinds().split(","));
        boolean canManage = rootReadable && Access.currentUser().can(CollectionRoles.ISSUERS, root.path());
        return new TaskView(
                task.getId(),
                task.getName(),
                task.getPeriod(),
                rootReadable ? root.code() : null,
                rootReadable ? root.name() : null,
                kinds,
                task.getDeadline(),
                today().isAfter(task.getDeadline()),
                task.getDescription(),
                task.getCreatedBy(),
                task.getCreatedAt(),
                sectionViews,
                rules,
                counts,
                total,
                canManage);
    }

    Map<Long, List<ReminderView>> reminderViews(List<Long> assignmentIds) {
        Map<Long, List<ReminderView>> result = new HashMap<>();
        if (assignmentIds.isEmpty()) {
            return result;
        }
        for (Reminder r : reminders.findByAssignmentIdInOrderBySentAtDesc(assignmentIds)) {
            result.computeIfAbsent(r.getAssignmentId(), k -> new ArrayList<>())
                    .add(new ReminderView(r.getMessage(), r.getSentBy(), r.getSentAt()));
        }
        return result;
    }

    static boolean overdue(CollectionTask task, Assignment a, LocalDate today) {
        return task.overdue(today) && a.getStatus().editable();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
