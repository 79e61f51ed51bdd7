package org.dudao.collection.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dudao.audit.AuditLog;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reminders (催报) to units that have not submitted a task's form yet. */
@Service
public class TaskReminders {

    private final AssignmentRepository assignments;
    private final ReminderRepository reminders;
    private final OrgUnits units;
    private final TaskViews views;
    private final AuditLog audit;
    private final Clock clock;

    TaskReminders(
            AssignmentRepository assignments,
            ReminderRepository reminders,
            OrgUnits units,
            TaskViews views,
            AuditLog audit,
            Clock clock) {
        this.assignments = assignments;
        this.reminders = reminders;
        this.units = units;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Reminds one unit, or with {@code orgUnit} null every unit in scope that has not submitted. Only the issuing
     * office (issuer at the task's root) or the unit's reviewers may remind. Returns how many were reminded.
     */
    @Transactional
    public int remind(Long id, String orgUnit, String message) {
        CollectionTask task = views.task(id);
        views.requireVisible(task);
        if (message != null && message.length() > 500) {
            throw InvalidInputException.of("message", "error.too-long", 500);
        }
        OrgUnitRef root = views.root(task);
        boolean issuer = TaskViews.issuer(root);
        List<Assignment> targets = orgUnit != null && !orgUnit.isBlank()
                ? List.of(oneUnit(id, orgUnit.trim(), issuer))
                : unsubmitted(id, issuer);
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

    private Assignment oneUnit(Long taskId, String orgUnit, boolean issuer) {
        OrgUnitRef unit = units.readable(orgUnit);
        Assignment a = assignments
                .findByTaskIdAndOrgUnitId(taskId, unit.id())
                .orElseThrow(() -> new NotFoundException("assignment " + orgUnit));
        if (!issuer && !CollectionRoles.canReview(unit)) {
            throw new ForbiddenException("collection.error.not-reviewer");
        }
        return a;
    }

    /** The units in scope that have not submitted and that the caller may remind. */
    private List<Assignment> unsubmitted(Long taskId, boolean issuer) {
        List<Assignment> list = assignments.findByTaskId(taskId);
        Map<Long, OrgUnitRef> refs =
                units.refs(list.stream().map(Assignment::getOrgUnitId).toList());
        List<Assignment> targets = list.stream()
                .filter(a -> a.getStatus() != AssignmentStatus.SUBMITTED && a.getStatus() != AssignmentStatus.APPROVED)
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
        return targets;
    }
}
