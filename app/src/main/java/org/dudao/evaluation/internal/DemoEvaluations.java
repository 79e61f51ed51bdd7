package org.dudao.evaluation.internal;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.evaluation.EvaluationDetail;
import org.dudao.evaluation.EvaluationView;
import org.dudao.evaluation.Evaluations;
import org.dudao.evaluation.ManualEntry;
import org.dudao.evaluation.ProjectForm;
import org.dudao.evaluation.Projects;
import org.dudao.evaluation.TransitionRequest;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data that shows the whole acceptance flow with the README's users, driven through the real workflow:
 * <ul>
 *   <li>城关中心小学 (JB01010101) stays at 自评 for {@code school_clerk} and {@code school_head};
 *   <li>a few files of this year's projects move on (township, county score and approval, city score, 公示), so
 *       files sit at every stage; those below 达标 are closed and draft rectification items;
 *   <li>青山县's 初评专家组, led by {@code qs_expert}, has the files at 初评 to score;
 *   <li>last year's project of 青山县 (公示 of 0 days) gave two 小学 their plaque and certificate.
 * </ul>
 * Only schools with seeded values take part (see scheme.DemoSchemes). Each part runs once: files move only while
 * none has moved, the group only while the project has none, last year's project only while it does not exist.
 */
@Component
@Profile("demo")
@Order(65)
class DemoEvaluations implements ApplicationRunner {

    /** The README's school: its clerk fills in and its head signs the self-evaluation. */
    static final String README_SCHOOL = "JB01010101";
    /** 小学 of 白石镇 that got their plaque last year; scheme.DemoSchemes gives them last year's figures. */
    static final List<String> LAST_YEAR_PLAQUES = List.of("JB01010304", "JB01010305");
    /** Townships whose schools carry demo values, per project code prefix. */
    private static final Map<String, List<String>> TOWNSHIPS = Map.of(
            "QS-BZH-", List.of("JB010101", "JB010102", "JB010103"),
            "DH-BZH-", List.of("JB010201", "JB010202"));

    private static final Logger log = LoggerFactory.getLogger(DemoEvaluations.class);
    private final Evaluations evaluations;
    private final Projects projects;
    private final ProjectRepository repository;
    private final ExpertGroups groups;
    private final Clock clock;

    DemoEvaluations(
            Evaluations evaluations,
            Projects projects,
            ProjectRepository repository,
            ExpertGroups groups,
            Clock clock) {
        this.evaluations = evaluations;
        this.projects = projects;
        this.repository = repository;
        this.groups = groups;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int year = Year.now(clock).getValue();
        Access.runAsSystem(() -> {
            lastYearsPlaques(year - 1);
            TOWNSHIPS.forEach((prefix, townships) -> {
                String project = prefix + year;
                if (repository.existsByCode(project)) {
                    List<String> atCounty = advance(project, townships);
                    if (prefix.startsWith("QS") && !atCounty.isEmpty()) {
                        countyGroup(project, atCounty);
                    }
                }
            });
        });
    }

    /**
     * Moves the first twelve files of the project's townships forward, so each office has its step waiting: three
     * through both reviews into 公示; four approved at the county (on to the city, or closed below 达标), of which
     * the first at the city is scored there; one scored at the county; two at 初评; two signed by the head only,
     * the last of them under the first township (城关镇, for {@code cg_clerk}). Answers the files left at 初评
     * (empty when the files had already moved).
     */
    private List<String> advance(String project, List<String> townships) {
        List<EvaluationView> files = evaluations.list(project);
        if (files.stream().anyMatch(f -> !"SELF".equals(f.stage()) || !"DRAFT".equals(f.status()))) {
            return List.of();
        }
        List<String> ours = new ArrayList<>(files.stream()
                .map(EvaluationView::orgUnit)
                .filter(u -> !u.equals(README_SCHOOL) && !LAST_YEAR_PLAQUES.contains(u))
                .filter(u -> townships.stream().anyMatch(u::startsWith))
                .limit(12)
                .toList());
        ours.stream()
                .filter(u -> u.startsWith(townships.get(0)))
                .reduce((a, b) -> b)
                .ifPresent(last -> {
                    ours.remove(last);
                    ours.add(last);
                });
        List<String> atCounty = new ArrayList<>();
        boolean cityScored = false;
        int moved = 0;
        for (int i = 0; i < ours.size(); i++) {
            String school = ours.get(i);
            try {
                if (i < 3) {
                    step(project, school, "submit", "submit", "score", "approve", "score", "approve");
                } else if (i < 7) {
                    String at = step(project, school, "submit", "submit", "score", "approve");
                    if (!cityScored && "CITY".equals(at)) {
                        step(project, school, "score");
                        cityScored = true;
                    }
                } else if (i < 8) {
                    step(project, school, "submit", "submit", "score");
                } else if (i < 10) {
                    step(project, school, "submit", "submit");
                    atCounty.add(school);
                } else {
                    step(project, school, "submit");
                }
                moved++;
            } catch (ConflictException | InvalidInputException refused) {
                log.warn("demo file {} of {} stays where it is: {}", school, project, refused.getMessage());
            }
        }
        log.info("demo evaluations: moved {} files of {}", moved, project);
        return atCounty;
    }

    /** The county's 初评专家组, led by qs_expert, for the files waiting at 初评. */
    private void countyGroup(String project, List<String> schools) {
        if (!groups.groups(project).isEmpty()) {
            return;
        }
        groups.addGroup(project, new GroupForm("COUNTY", "青山县初评专家组（第一组）", "qs_expert", List.of(), schools));
    }

    /** Last year's project of 青山县 for two 小学 that went all the way to the plaque (公示 of 0 days). */
    private void lastYearsPlaques(int year) {
        String code = "QS-BZH-" + year;
        if (repository.existsByCode(code)) {
            return;
        }
        projects.create(new ProjectForm(
                code,
                "青山县" + year + "年义务教育学校标准化建设评估验收",
                year,
                DemoProjects.SCHEME,
                null,
                "JB0101",
                null,
                0,
                null,
                null,
                LAST_YEAR_PLAQUES,
                null,
                null));
        for (String school : LAST_YEAR_PLAQUES) {
            try {
                step(code, school, "submit", "submit", "score", "approve", "score", "approve", "approve", "certify");
            } catch (ConflictException | InvalidInputException refused) {
                log.warn("demo plaque of {} in {} not awarded: {}", school, code, refused.getMessage());
            }
        }
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
}
