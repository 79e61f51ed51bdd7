package org.dudao.collection.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.collection.TaskView;
import org.dudao.data.DataItem;
import org.dudao.data.DataItems;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Role;
import org.springframework.stereotype.Component;

/** Finding a task the caller may see and showing it: what every task screen and export starts from. */
@Component
public class TaskViews {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final CollectionTaskRepository tasks;
    private final AssignmentRepository assignments;
    private final ReminderRepository reminders;
    private final OrgUnits units;
    private final DataItems items;
    private final Clock clock;

    TaskViews(
            CollectionTaskRepository tasks,
            AssignmentRepository assignments,
            ReminderRepository reminders,
            OrgUnits units,
            DataItems items,
            Clock clock) {
        this.tasks = tasks;
        this.assignments = assignments;
        this.reminders = reminders;
        this.units = units;
        this.items = items;
        this.clock = clock;
    }

    /** The task's root unit, and whether the caller may read it (or only some recipients). */
    record Visible(OrgUnitRef root, boolean rootReadable) {}

    public CollectionTask task(Long id) {
        return tasks.findById(id).orElseThrow(() -> new NotFoundException("collection task " + id));
    }

    /** Visible when the root is readable or some recipient is; otherwise the task "does not exist". */
    public void requireVisible(CollectionTask task) {
        visibleOrThrow(task);
    }

    Visible visibleOrThrow(CollectionTask task) {
        Visible v = visible(task);
        if (v == null) {
            throw new NotFoundException("collection task " + task.getId());
        }
        return v;
    }

    Visible visible(CollectionTask task) {
        OrgUnitRef root = root(task);
        if (Access.canRead(root.path())) {
            return new Visible(root, true);
        }
        List<Assignment> list = assignments.findByTaskId(task.getId());
        boolean any = units.refs(list.stream().map(Assignment::getOrgUnitId).toList()).values().stream()
                .anyMatch(u -> Access.canRead(u.path()));
        return any ? new Visible(root, false) : null;
    }

    OrgUnitRef root(CollectionTask task) {
        return units.refs(List.of(task.getRootUnitId())).get(task.getRootUnitId());
    }

    /** The issuing office (an office role at the task's root) manages the task and reminds every unit. */
    static boolean issuer(OrgUnitRef root) {
        return Access.canRead(root.path()) && Access.can(Role.OFFICE, root.path());
    }

    TaskView view(CollectionTask task, Visible v) {
        OrgUnitRef root = v.root();
        boolean rootReadable = v.rootReadable();
        Map<String, Long> counts = emptyCounts();
        int total = 0;
        List<Assignment> list = assignments.findByTaskId(task.getId());
        Map<Long, OrgUnitRef> refs =
                units.refs(list.stream().map(Assignment::getOrgUnitId).toList());
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
                sections(task),
                task.getRules().stream()
                        .map(r -> new TaskView.RuleView(r.getLeftItem(), r.getOp(), r.rightCodes(), r.getMessage()))
                        .toList(),
                counts,
                total,
                rootReadable && Access.can(Role.OFFICE, root.path()));
    }

    private List<TaskView.SectionView> sections(CollectionTask task) {
        Map<Long, DataItem> byId =
                items.byId(task.getItems().stream().map(TaskItem::getItemId).toList());
        Map<String, List<TaskView.ItemRef>> sections = new LinkedHashMap<>();
        for (TaskItem ti : task.getItems()) {
            DataItem i = byId.get(ti.getItemId());
            sections.computeIfAbsent(ti.getSection(), k -> new ArrayList<>())
                    .add(new TaskView.ItemRef(i.getCode(), i.getName(), i.getUnit()));
        }
        return sections.entrySet().stream()
                .map(e -> new TaskView.SectionView(e.getKey(), e.getValue()))
                .toList();
    }

    /** A zero for every status, in the statuses' order. */
    static Map<String, Long> emptyCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (AssignmentStatus s : AssignmentStatus.values()) {
            counts.put(s.name(), 0L);
        }
        return counts;
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
