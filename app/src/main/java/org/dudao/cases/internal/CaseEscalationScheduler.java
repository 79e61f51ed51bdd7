package org.dudao.cases.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the reminders and escalation of cases on {@code dudao.cases.escalation.cron} (China time), once per cluster;
 * a stage is recorded once anyway, whichever node gets there first. Off with {@code dudao.cases.escalation.enabled=false}.
 */
@Component
@ConditionalOnProperty(prefix = "dudao.cases.escalation", name = "enabled", havingValue = "true", matchIfMissing = true)
class CaseEscalationScheduler {

    private final CaseEscalations escalations;

    CaseEscalationScheduler(CaseEscalations escalations) {
        this.escalations = escalations;
    }

    @Scheduled(cron = "${dudao.cases.escalation.cron:0 10 8 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "cases-escalation", lockAtLeastFor = "PT1M")
    public void run() {
        escalations.escalateOverdue();
    }
}
