package org.dudao.rectification.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dudao.audit.AuditLog;
import org.dudao.evaluation.EvaluationFinalized;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Drafts 整改事项 when an evaluation closes below the top grade: one per fired veto and per indicator that lost
 * points. It runs right after the closing transaction commits, in the same thread (the next screen shows the
 * items) and in a transaction of its own; the event publication registry records the event first, so a failure
 * here leaves the publication incomplete and {@link DraftingRetry} delivers it again. Drafting is idempotent: a
 * problem still open from the same project is not drafted twice.
 */
@Component
public class ItemDrafting {

    private final RectificationRepository items;
    private final AuditLog audit;
    private final Clock clock;

    ItemDrafting(RectificationRepository items, AuditLog audit, Clock clock) {
        this.items = items;
        this.audit = audit;
        this.clock = clock;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(EvaluationFinalized event) {
        if (event.certified()) {
            return;
        }
        List<Rectification> existing = items.findBySourceAndSourceRefAndOrgUnitIdOrderByIdAsc(
                Rectification.EVALUATION, event.project(), event.orgUnitId());
        Instant now = Instant.now(clock);
        for (EvaluationFinalized.Shortfall s : event.shortfalls()) {
            boolean open =
                    existing.stream().anyMatch(r -> s.code().equals(r.getCode()) && r.getStatus() != ItemStatus.CLOSED);
            if (!open) {
                draft(event, s, now);
            }
        }
        items.flush();
    }

    private void draft(EvaluationFinalized event, EvaluationFinalized.Shortfall s, Instant now) {
        boolean veto = s.kind().equals("VETO");
        String problem = veto
                ? s.name() + "：" + s.requirement()
                : s.code() + " " + s.name() + "（失分 "
                        + BigDecimal.valueOf(s.pointsLost())
                                .stripTrailingZeros()
                                .toPlainString() + "）";
        Rectification r = items.save(new Rectification(
                Rectification.EVALUATION,
                event.project(),
                event.orgUnitId(),
                event.unitPath(),
                s.code(),
                problem,
                s.requirement(),
                veto ? null : s.pointsLost(),
                now));
        audit.created(
                "Rectification",
                r.getId(),
                problem,
                event.unitPath(),
                Map.of("project", event.project(), "code", s.code(), "problem", problem));
    }
}
