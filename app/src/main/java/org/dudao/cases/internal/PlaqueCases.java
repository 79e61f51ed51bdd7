package org.dudao.cases.internal;

import org.dudao.inspection.PlaqueMessageReceived;
import org.dudao.inspection.Plaques;
import org.dudao.shared.Access;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A message left on a school's plaque page becomes a case (channel 挂牌公示牌, unit the school), waiting as 受理 with
 * the office above it; the timeline names the responsible inspector's office. It runs after the message is kept, in
 * a transaction of its own, as the system (the writer is anonymous); the event publication registry keeps a failed
 * delivery for a retry, and a message already linked to a case is not taken in twice.
 */
@Component
class PlaqueCases {

    /** Open problems on a plaque page are complaints (投诉) until the office decides otherwise. */
    static final String CATEGORY = "COMPLAINT";

    private final Cases cases;
    private final Plaques plaques;

    PlaqueCases(Cases cases, Plaques plaques) {
        this.cases = cases;
        this.plaques = plaques;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(PlaqueMessageReceived message) {
        Access.runAsSystem(() -> {
            if (plaques.caseOf(message.messageId()).isPresent()) return;
            String contact = message.contact();
            boolean phone = contact != null && Cases.isPhone(contact);
            Case c = cases.intake(
                    new Cases.NewCase(
                            Channel.PLAQUE.name(),
                            CATEGORY,
                            message.body(),
                            message.schoolCode(),
                            message.at().toString(),
                            phone ? null : contact,
                            phone ? contact.strip() : null,
                            contact == null,
                            null,
                            null,
                            null,
                            null),
                    "plaque",
                    message.officeCode());
            plaques.linkCase(message.messageId(), c.getId());
        });
    }
}
