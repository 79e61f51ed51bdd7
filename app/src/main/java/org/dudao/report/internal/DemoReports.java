package org.dudao.report.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.evaluation.EvaluationDetail;
import org.dudao.evaluation.EvaluationView;
import org.dudao.evaluation.Evaluations;
import org.dudao.evaluation.ManualEntry;
import org.dudao.evaluation.TransitionRequest;
import org.dudao.rectification.ItemView;
import org.dudao.rectification.Rectifications;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data for the dashboards: moves a few files of this year's demo projects forward through the real
 * workflow (submitted, scored by agreement, approved at the county, some on to the city and 公示), so files
 * sit at several stages, carry grades and vetoes, and those below 达标 draft rectification items, of which some
 * get a plan. Only schools with seeded values take part. Runs once (skipped when a file has moved), never in
 * tests, which build their own data.
 */
@Component
@Profile("demo & !test")
@Order(70)
class DemoReports implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReports.class);
    /** Townships whose schools carry demo values (see scheme.DemoSchemes). */
    private static final Map<String, List<String>> TOWNSHIPS = Map.of(
            "QS-BZH-", List.of("JB010101", "JB010102", "JB010103"),
            "DH-BZH-", List.of("JB010201", "JB010202"));

    private final Evaluations evaluations;
    private final Rectifications rectifications;
    private final Clock clock;

    DemoReports(Evaluations evaluations, Rectifications rectifications, Clock clock) {
        this.evaluations = evaluations;
        this.rectifications = rectifications;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int year = Year.now(clock).getValue();
        Access.runAsSystem(() -> TOWNSHIPS.forEach((prefix, townships) -> advance(prefix + year, townships)));
    }

    private void advance(String project, List<String> townships) {
        List<EvaluationView> files;
        try {
            files = evaluations.list(project);
        } catch (RuntimeException missing) {
            return;
        }
        if (files.stream().anyMatch(f -> !"SELF".equals(f.stage()) || !"DRAFT".equals(f.status()))) {
            return;
        }
        List<EvaluationView> ours = files.stream()
                .filter(f -> townships.stream().anyMatch(t -> f.orgUnit().startsWith(t)))
                .toList();
        int moved = 0;
        for (int i = 0; i < ours.size() && i < 12; i++) {
            String school = ours.get(i).orgUnit();
            try {
                if (i < 8) {
                    String at = step(project, school, "submit", "submit", "score", "approve");
                    if (i < 3 && "CITY".equals(at)) {
                        step(project, school, "score", "approve");
                    }
                } else if (i < 10) {
                    step(project, school, "submit", "submit");
                } else {
                    step(project, school, "submit");
                }
                moved++;
            } catch (ConflictException | org.dudao.shared.InvalidInputException refused) {
                log.warn("demo file {} of {} stays where it is: {}", school, project, refused.getMessage());
            }
        }
        planSomeItems(project, townships);
        log.info("demo reports: moved {} files of {}", moved, project);
    }

    /** Applies the actions; a score is agreed by the group (full marks but for one indicator, with a reason). */
    private String step(String project, String school, String... actions) {
        EvaluationView v = null;
        for (String action : actions) {
            Map<String, ManualEntry> agreed = action.equals("score") ? agreedSheet(project, school) : null;
            v = evaluations.transition(
                    project, school, new TransitionRequest(action, agreed == null ? null : "专家组现场评估后协商一致", agreed));
        }
        return v == null ? null : v.stage();
    }

    private Map<String, ManualEntry> agreedSheet(String project, String school) {
        EvaluationDetail d = evaluations.detail(project, school);
        Map<String, ManualEntry> sheet = new LinkedHashMap<>();
        boolean first = true;
        for (EvaluationDetail.Line line : d.indicators()) {
            if (d.manualIndicators().contains(line.code())) {
                sheet.put(
                        line.code(),
                        first
                                ? new ManualEntry(Math.floor(line.points() * 0.9), "现场查看部分材料不全")
                                : new ManualEntry(line.points(), null));
                first = false;
            }
        }
        return sheet;
    }

    /** The schools below 达标 file a plan for their first item, half a year ahead. */
    private void planSomeItems(String project, List<String> townships) {
        String due = LocalDate.now(clock).plusMonths(6).toString();
        for (String township : townships) {
            for (ItemView item : rectifications.list(township, "PLANNING")) {
                if (project.equals(item.sourceRef()) && item.id() % 2 == 0) {
                    rectifications.plan(item.id(), "对照整改要求逐项落实，按期完成", due);
                }
            }
        }
    }
}
