package org.dudao.rectification.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * The escalation ladder from {@code dudao.rectification.escalation} (application.yml): which levels an overdue item
 * reaches after how many days past its deadline, and when the scheduler runs. Checked at start-up: a bad ladder
 * stops the app with a message naming the property.
 *
 * @param enabled  whether the scheduler runs (a director can still run the ladder by hand)
 * @param cron     when the scheduler runs (Spring's six fields, in the app's time zone)
 * @param steps    the levels in ladder order; {@code after-days} 0 = from the first day overdue
 */
@ConfigurationProperties("dudao.rectification.escalation")
public record EscalationLadder(
        @DefaultValue("true") boolean enabled,
        @DefaultValue(DEFAULT_CRON) String cron,
        List<Step> steps) {

    static final String DEFAULT_CRON = "0 30 1 * * *";
    private static final String PREFIX = "dudao.rectification.escalation.";

    /** One rung as configured: a level name and the days past the deadline from which it applies. */
    record Step(String level, Integer afterDays) {}

    /** A checked rung. */
    record Rung(EscalationLevel level, int afterDays) {}

    public EscalationLadder {
        if (cron == null || !CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException(PREFIX + "cron: '" + cron + "' is not a valid cron expression (six"
                    + " fields: second minute hour day-of-month month day-of-week, e.g. '" + DEFAULT_CRON + "')");
        }
        rungs(steps);
    }

    /** The rungs, mildest first. */
    List<Rung> rungs() {
        return rungs(steps);
    }

    /** The levels due {@code daysOverdue} days past the deadline (an item is overdue from day 1). */
    List<EscalationLevel> due(long daysOverdue) {
        return daysOverdue < 1
                ? List.of()
                : rungs().stream()
                        .filter(r -> daysOverdue >= r.afterDays())
                        .map(Rung::level)
                        .toList();
    }

    private static List<Rung> rungs(List<Step> steps) {
        if (steps == null || steps.isEmpty()) {
            throw new IllegalArgumentException(PREFIX + "steps: list at least one level, e.g. [{level: REMINDER,"
                    + " after-days: 0}, {level: CRITICISM, after-days: 30}]");
        }
        List<Rung> rungs = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            String at = PREFIX + "steps[" + i + "].";
            EscalationLevel level = Arrays.stream(EscalationLevel.values())
                    .filter(l -> s != null
                            && l.name()
                                    .equalsIgnoreCase(String.valueOf(s.level()).trim()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(at + "level: '"
                            + (s == null ? null : s.level()) + "' is not one of "
                            + Arrays.toString(EscalationLevel.values())));
            if (s.afterDays() == null || s.afterDays() < 0) {
                throw new IllegalArgumentException(at + "after-days: give the days past the deadline (0 or more)"
                        + " from which " + level + " applies");
            }
            Rung previous = rungs.isEmpty() ? null : rungs.get(rungs.size() - 1);
            if (previous != null && level.compareTo(previous.level()) <= 0) {
                throw new IllegalArgumentException(at + "level: " + level + " must come after " + previous.level()
                        + " (ladder order " + Arrays.toString(EscalationLevel.values()) + ", each level once)");
            }
            if (previous != null && s.afterDays() <= previous.afterDays()) {
                throw new IllegalArgumentException(at + "after-days: " + s.afterDays() + " must be more than the "
                        + previous.afterDays() + " days of " + previous.level());
            }
            rungs.add(new Rung(level, s.afterDays()));
        }
        return rungs;
    }
}
