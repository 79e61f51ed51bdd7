package org.dudao.rectification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dudao.audit.AuditLog;
import org.dudao.shared.Access;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves overdue items up the escalation ladder (SPEC §6): an open item past its own deadline reaches every level
 * due by its days overdue, straight to the highest, each level recorded once with the days and the time, and
 * audited. Closed items never escalate; an item closed late keeps its levels. Each item is escalated in a
 * transaction of its own; when another node records a level of the same item at the same moment, the unique key
 * refuses ours, that item's transaction is rolled back and the run moves on.
 */
@Service
public class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);

    private final RectificationRepository items;
    private final EscalationRepository escalations;
    private final EscalationLadder ladder;
    private final AuditLog audit;
    private final TransactionTemplate perItem;
    private final Clock clock;

    Escalations(
            RectificationRepository items,
            EscalationRepository escalations,
            EscalationLadder ladder,
            AuditLog audit,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.items = items;
        this.escalations = escalations;
        this.ladder = ladder;
        this.audit = audit;
        this.perItem = new TransactionTemplate(transactions);
        this.perItem.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** How a run went: overdue items looked at, levels recorded, levels recorded by level. */
    public record Run(int overdue, int escalated, Map<String, Integer> byLevel) {}

    /** The scheduler's run: every overdue item of the tree, as the system. */
    Run escalateOverdue() {
        return escalateOverdue(clock);
    }

    Run escalateOverdue(Clock at) {
        return escalateUnder("/", at);
    }

    /** A run over one subtree as the system, at the time of {@code at}. */
    Run escalateUnder(String path, Clock at) {
        Run[] run = new Run[1];
        Access.runAsSystem(() -> run[0] = escalate(List.of(path), at));
        return run[0];
    }

    /** Whether the current user may run the ladder by hand (a director or administrator somewhere). */
    public boolean canRun() {
        return Access.holdsAny(Role.OFFICE);
    }

    /** A director's or administrator's run now, over the subtrees where they hold that role (otherwise 403). */
    public Run escalateNow() {
        List<String> paths = Access.pathsWith(Role.OFFICE).stream()
                .map(path -> path == null ? "/" : path)
                .distinct()
                .toList();
        if (paths.isEmpty()) {
            throw new ForbiddenException("error.forbidden");
        }
        // a subtree inside another is covered by it
        List<String> roots = paths.stream()
                .filter(p -> paths.stream().noneMatch(q -> !q.equals(p) && p.startsWith(q)))
                .toList();
        return escalate(roots, clock);
    }

    private Run escalate(List<String> paths, Clock at) {
        LocalDate today = LocalDate.now(at);
        Instant now = Instant.now(at);
        Set<Long> overdue = new LinkedHashSet<>();
        for (String path : paths) {
            items.findByStatusNotAndDeadlineBeforeAndUnitPathStartingWithOrderByIdAsc(ItemStatus.CLOSED, today, path)
                    .forEach(r -> overdue.add(r.getId()));
        }
        Map<String, Integer> byLevel = new LinkedHashMap<>();
        int escalated = 0;
        for (Long id : overdue) {
            try {
                List<EscalationLevel> added = perItem.execute(s -> escalate(id, today, now));
                for (EscalationLevel level : added) {
                    byLevel.merge(level.name(), 1, Integer::sum);
                }
                escalated += added.size();
            } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
                // another node recorded a level of this item at the same moment: its run covers the item
                log.info("escalation of rectification {} recorded concurrently elsewhere; skipped", id);
            }
        }
        log.info(
                "escalation run at {}: {} overdue item(s), {} level(s) recorded {}",
                today,
                overdue.size(),
                escalated,
                byLevel);
        return new Run(overdue.size(), escalated, byLevel);
    }

    /** Records the levels one item has become due for; none when it was closed meanwhile. */
    private List<EscalationLevel> escalate(Long id, LocalDate today, Instant now) {
        Rectification r = items.findById(id).orElse(null);
        if (r == null || !r.overdue(today)) {
            return List.of();
        }
        long days = ChronoUnit.DAYS.between(r.getDeadline(), today);
        Set<EscalationLevel> recorded = escalations.findByItemIdOrderByIdAsc(id).stream()
                .map(Escalation::getLevel)
                .collect(Collectors.toSet());
        List<EscalationLevel> added = new ArrayList<>();
        for (EscalationLevel level : ladder.due(days)) {
            if (recorded.contains(level)) continue;
            Escalation e = escalations.saveAndFlush(new Escalation(id, level, (int) days, now));
            audit.created(
                    "RectificationEscalation",
                    e.getId(),
                    r.getProblem(),
                    r.getUnitPath(),
                    Map.of("item", id, "level", level.name(), "daysOverdue", days));
            added.add(level);
        }
        return added;
    }
}
