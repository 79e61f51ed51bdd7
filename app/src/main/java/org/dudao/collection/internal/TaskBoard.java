package org.dudao.collection.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.dudao.collection.TaskView;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading tasks: the task list, the caller's own forms and the progress board (督办) of one task. */
@Service
public class TaskBoard {

    private final CollectionTaskRepository tasks;
    private final AssignmentRepository assignments;
    private final OrgUnits units;
    private final TaskViews views;

    TaskBoard(CollectionTaskRepository tasks, AssignmentRepository assignments, OrgUnits units, TaskViews views) {
        this.tasks = tasks;
        this.assignments = assignments;
        this.units = units;
        this.views = views;
    }

    /** Whether the caller may issue tasks somewhere (the screens offer the button). */
    public boolean canIssue() {
        return Access.holdsAny(Role.OFFICE);
    }

    /** Tasks the caller can see: issued within their scope, or with a unit of theirs among the recipients. */
    @Transactional(readOnly = true)
    public List<TaskView> list() {
        List<TaskView> result = new ArrayList<>();
        for (CollectionTask task : tasks.findAll()) {
            TaskViews.Visible v = views.visible(task);
            if (v != null) {
                result.add(views.view(task, v));
            }
        }
        result.sort(Comparator.comparing(TaskView::deadline)
                .reversed()
                .thenComparing(TaskView::id, Comparator.reverseOrder()));
        return result;
    }

    @Transactional(readOnly = true)
    public TaskView get(Long id) {
        CollectionTask task = views.task(id);
        return views.view(task, views.visibleOrThrow(task));
    }

    /** The forms the caller fills in (units they may write), newest deadline first, with reminders. */
    @Transactional(readOnly = true)
    public List<MyAssignment> mine() {
        List<MyAssignment> result = new ArrayList<>();
        LocalDate today = views.today();
        List<String> ownPaths = Access.pathsWith(Role.DATA_ENTRY);
        for (CollectionTask task : tasks.findAll()) {
            List<Assignment> list = assignments.findByTaskId(task.getId());
            Map<Long, OrgUnitRef> refs =
                    units.refs(list.stream().map(Assignment::getOrgUnitId).toList());
            // a unit is the caller's own when a grant sits exactly at it (a clerk's school, a township's office)
            List<Assignment> own = list.stream()
                    .filter(a -> {
                        OrgUnitRef u = refs.get(a.getOrgUnitId());
                        return u != null
                                && Access.canRead(u.path())
                                && CollectionRoles.canWrite(u)
                                && ownPaths.contains(u.path());
                    })
                    .toList();
            Map<Long, List<ReminderView>> rem =
                    views.reminderViews(own.stream().map(Assignment::getId).toList());
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
                        TaskViews.overdue(task, a, today),
                        a.getReturnReason(),
                        rem.getOrDefault(a.getId(), List.of())));
            }
        }
        result.sort(Comparator.comparing(MyAssignment::deadline).reversed());
        return result;
    }

    @Transactional(readOnly = true)
    public Progress progress(Long id) {
        CollectionTask task = views.task(id);
        TaskViews.Visible v = views.visibleOrThrow(task);
        LocalDate today = views.today();
        List<Assignment> list = assignments.findByTaskId(id);
        Map<Long, OrgUnitRef> refs =
                units.refs(list.stream().map(Assignment::getOrgUnitId).toList());
        List<Assignment> visible = list.stream()
                .filter(a -> refs.containsKey(a.getOrgUnitId())
                        && Access.canRead(refs.get(a.getOrgUnitId()).path()))
                .toList();
        Map<Long, List<ReminderView>> rem =
                views.reminderViews(visible.stream().map(Assignment::getId).toList());
        Map<String, Long> counts = TaskViews.emptyCounts();
        boolean issuer = TaskViews.issuer(views.root(task));
        int overdue = 0;
        List<UnitProgress> rows = new ArrayList<>();
        for (Assignment a : visible) {
            counts.merge(a.getStatus().name(), 1L, Long::sum);
            boolean late = TaskViews.overdue(task, a, today);
            if (late) {
                overdue++;
            }
            rows.add(row(refs.get(a.getOrgUnitId()), a, late, rem.getOrDefault(a.getId(), List.of()), issuer));
        }
        rows.sort(Comparator.comparing(UnitProgress::overdue).reversed().thenComparing(UnitProgress::orgUnit));
        // the same rule TaskReminders applies: the issuing office, or a reviewer of some unit of the task
        boolean canRemind = issuer || rows.stream().anyMatch(UnitProgress::canReview);
        return new Progress(views.view(task, v), counts, visible.size(), overdue, rows, canRemind);
    }

    private static UnitProgress row(
            OrgUnitRef u, Assignment a, boolean late, List<ReminderView> reminders, boolean issuer) {
        boolean canReview = CollectionRoles.canReview(u);
        return new UnitProgress(
                u.code(),
                u.name(),
                u.kind().label(),
                a.getStatus(),
                late,
                a.getSubmittedBy(),
                a.getSubmittedAt(),
                a.getReturnReason(),
                reminders.size(),
                reminders.isEmpty() ? null : reminders.get(0).sentAt(),
                canReview,
                issuer || canReview);
    }
}
