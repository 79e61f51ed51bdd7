package org.dudao.rectification.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the escalation ladder on {@code dudao.rectification.escalation.cron} (China Standard Time, the app's clock
 * zone). Off with {@code dudao.rectification.escalation.enabled=false} (the tests call the service directly).
 * It runs once per cluster (the lock is held at least a minute, so a node whose clock is a little behind does not
 * run it again); a level is recorded once anyway, whichever node gets there first.
 */
@Component
@ConditionalOnProperty(
        prefix = "dudao.rectification.escalation",
        name = "enabled",
        havingValue = "true",
        matchIfMissing = true)
public class EscalationScheduler {

    private final Escalations escalations;

    EscalationScheduler(Escalations escalations) {
        this.escalations = escalations;
    }

    @Scheduled(
            cron = "${dudao.rectification.escalation.cron:" + EscalationLadder.DEFAULT_CRON + "}",
            zone = "Asia/Shanghai")
    @SchedulerLock(name = "rectification-escalation", lockAtLeastFor = "PT1M")
    public void run() {
        escalations.escalateOverdue();
    }
}
