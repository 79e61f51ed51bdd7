package org.dudao.rectification.internal;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.dudao.shared.Access;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the event publications whose listener failed (e.g. {@link ItemDrafting} when the database
 * refused the items), on {@code dudao.rectification.drafting-retry.cron}. Only publications older than a minute
 * are taken, so a delivery still running in its request is left alone. Off with
 * {@code dudao.rectification.drafting-retry.enabled=false}.
 */
@Component
@ConditionalOnProperty(
        prefix = "dudao.rectification.drafting-retry",
        name = "enabled",
        havingValue = "true",
        matchIfMissing = true)
public class DraftingRetry {

    static final Duration MIN_AGE = Duration.ofMinutes(1);

    private final IncompleteEventPublications publications;

    DraftingRetry(IncompleteEventPublications publications) {
        this.publications = publications;
    }

    @Scheduled(cron = "${dudao.rectification.drafting-retry.cron:0 */5 * * * *}")
    @SchedulerLock(name = "rectification-drafting-retry", lockAtLeastFor = "PT30S")
    public void run() {
        resubmitOlderThan(MIN_AGE);
    }

    void resubmitOlderThan(Duration age) {
        Access.runAsSystem(() -> publications.resubmitIncompletePublicationsOlderThan(age));
    }
}
