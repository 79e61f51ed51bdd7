package org.dudao.rectification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dudao.rectification.internal.EscalationLevel.CRITICISM;
import static org.dudao.rectification.internal.EscalationLevel.INTERVIEW;
import static org.dudao.rectification.internal.EscalationLevel.REMINDER;
import static org.dudao.rectification.internal.EscalationLevel.SUPERVISED;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/** The ladder as configured: binding from properties, the levels due by days overdue, and start-up checks. */
class EscalationLadderTest {

    private static final String P = "dudao.rectification.escalation.";

    @Test
    void theShippedApplicationYmlBindsToTheFourLevelLadder() throws Exception {
        List<PropertySource<?>> yml =
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        EscalationLadder ladder = new Binder(ConfigurationPropertySources.from(yml.get(0)))
                .bind("dudao.rectification.escalation", EscalationLadder.class)
                .get();
        assertThat(ladder.enabled()).isTrue();
        assertThat(ladder.cron()).isEqualTo("0 30 1 * * *");
        assertThat(ladder.rungs())
                .containsExactly(
                        new EscalationLadder.Rung(REMINDER, 0),
                        new EscalationLadder.Rung(CRITICISM, 30),
                        new EscalationLadder.Rung(SUPERVISED, 60),
                        new EscalationLadder.Rung(INTERVIEW, 90));
    }

    @Test
    void levelsByDaysOverdueWithTheirBoundaries() {
        EscalationLadder ladder =
                bind(steps("REMINDER", "0", "CRITICISM", "30", "SUPERVISED", "60", "INTERVIEW", "90"));
        assertThat(ladder.due(0)).as("the deadline day itself is not overdue").isEmpty();
        assertThat(ladder.due(1)).containsExactly(REMINDER);
        assertThat(ladder.due(29)).containsExactly(REMINDER);
        assertThat(ladder.due(30)).containsExactly(REMINDER, CRITICISM);
        assertThat(ladder.due(59)).containsExactly(REMINDER, CRITICISM);
        assertThat(ladder.due(60)).containsExactly(REMINDER, CRITICISM, SUPERVISED);
        assertThat(ladder.due(89)).containsExactly(REMINDER, CRITICISM, SUPERVISED);
        assertThat(ladder.due(90)).containsExactly(REMINDER, CRITICISM, SUPERVISED, INTERVIEW);
        assertThat(ladder.due(5000)).containsExactly(REMINDER, CRITICISM, SUPERVISED, INTERVIEW);
    }

    @Test
    void aShorterLadderSkipsLevelsAndDefaultsApply() {
        // lower-case names are accepted; cron and enabled default when absent
        EscalationLadder ladder = bind(steps("reminder", "3", "INTERVIEW", "10"));
        assertThat(ladder.enabled()).isTrue();
        assertThat(ladder.cron()).isEqualTo(EscalationLadder.DEFAULT_CRON);
        assertThat(ladder.due(2)).isEmpty();
        assertThat(ladder.due(3)).containsExactly(REMINDER);
        assertThat(ladder.due(10)).containsExactly(REMINDER, INTERVIEW);
    }

    @Test
    void aBadLadderStopsStartUpWithAMessageNamingTheProperty() {
        assertRefused(steps("REMINDER", "0", "WARNING", "30"), "steps[1].level: 'WARNING' is not one of");
        assertRefused(steps("REMINDER", "-1"), "steps[0].after-days");
        assertRefused(Map.of(P + "steps[0].level", "REMINDER"), "steps[0].after-days");
        assertRefused(steps("CRITICISM", "0", "REMINDER", "30"), "steps[1].level: REMINDER must come after CRITICISM");
        assertRefused(steps("REMINDER", "0", "REMINDER", "30"), "steps[1].level: REMINDER must come after REMINDER");
        assertRefused(steps("REMINDER", "30", "CRITICISM", "30"), "steps[1].after-days: 30 must be more than");
        assertRefused(Map.of(P + "enabled", "true"), "steps: list at least one level");
        Map<String, String> cron = new LinkedHashMap<>(steps("REMINDER", "0"));
        cron.put(P + "cron", "every night");
        assertRefused(cron, "cron: 'every night' is not a valid cron expression");
    }

    @Test
    void theSchedulerRunsTheServiceOnTheCronAndIsOffByProperty() {
        Escalations service = Mockito.mock(Escalations.class);
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withBean(Escalations.class, () -> service)
                .withUserConfiguration(Scheduling.class);
        runner.run(context -> {
            assertThat(context).hasSingleBean(EscalationScheduler.class);
            assertThat(context.getBean(ScheduledTaskHolder.class).getScheduledTasks())
                    .extracting(t -> ((CronTask) t.getTask()).getExpression())
                    .containsExactly("0 30 1 * * *");
            context.getBean(EscalationScheduler.class).run();
            Mockito.verify(service).escalateOverdue();
        });
        runner.withPropertyValues(P + "cron=0 0 6 * * MON-FRI")
                .run(context -> assertThat(
                                context.getBean(ScheduledTaskHolder.class).getScheduledTasks())
                        .extracting(t -> ((CronTask) t.getTask()).getExpression())
                        .containsExactly("0 0 6 * * MON-FRI"));
        runner.withPropertyValues(P + "enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(EscalationScheduler.class));
    }

    @EnableScheduling
    @Import(EscalationScheduler.class)
    static class Scheduling {}

    private static void assertRefused(Map<String, String> properties, String message) {
        assertThatThrownBy(() -> bind(properties))
                .isInstanceOf(BindException.class)
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(P.substring(0, P.length() - 1))
                .hasMessageContaining(message);
    }

    private static EscalationLadder bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bind("dudao.rectification.escalation", EscalationLadder.class)
                .get();
    }

    /** level, after-days, level, after-days … as properties. */
    private static Map<String, String> steps(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length / 2; i++) {
            map.put(P + "steps[" + i + "].level", pairs[2 * i]);
            map.put(P + "steps[" + i + "].after-days", pairs[2 * i + 1]);
        }
        return map;
    }
}
