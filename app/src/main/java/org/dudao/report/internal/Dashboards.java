package org.dudao.report.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dudao.evaluation.EvaluationState;
import org.dudao.evaluation.EvaluationStats;
import org.dudao.evaluation.EvaluationStats.GradeCount;
import org.dudao.evaluation.EvaluationStats.ProjectFacts;
import org.dudao.evaluation.EvaluationStats.StateCount;
import org.dudao.evaluation.Phase;
import org.dudao.org.OrgUnitRef;
import org.dudao.rectification.RectificationStats;
import org.dudao.rectification.RectificationStats.OpenItems;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the dashboard of a township, county or city for one project from counts the database makes. */
@Service
public class Dashboards {

    static final String NO_GRADE = "NONE";

    private final ReportScope scope;
    private final Targets targets;
    private final EvaluationStats evaluations;
    private final RectificationStats rectifications;
    private final MessageSource messages;
    private final ReportCache cache;

    Dashboards(
            ReportScope scope,
            Targets targets,
            EvaluationStats evaluations,
            RectificationStats rectifications,
            MessageSource messages,
            ReportCache cache) {
        this.scope = scope;
        this.targets = targets;
        this.evaluations = evaluations;
        this.rectifications = rectifications;
        this.messages = messages;
        this.cache = cache;
    }

    /**
     * The dashboard of {@code orgUnit} (default: the caller's scope root) for {@code project} if given, else for
     * the latest project of {@code year} (default: this year) of each owner that concerns the unit: a county
     * running two projects in a year would count its schools twice, while a city adds up its counties' projects.
     */
    @Transactional(readOnly = true)
    public Dashboard dashboard(String orgUnit, Integer year, String project) {
        OrgUnitRef unit = scope.unit(orgUnit);
        return cache.get("dashboard", Arrays.asList(unit.code(), year, project), () -> build(unit, year, project));
    }

    private Dashboard build(OrgUnitRef unit, Integer year, String project) {
        List<ProjectFacts> projects = evaluations.projectsConcerning(unit.path());
        ProjectFacts chosen = chosen(projects, year, project);
        int y = chosen != null ? chosen.year() : scope.year(year);
        List<ProjectFacts> shown = chosen != null ? List.of(chosen) : latestPerOwner(projects, y);
        List<String> codes = shown.stream().map(ProjectFacts::code).toList();
        List<StateCount> states = evaluations.states(codes, unit.path());
        long files = states.stream().mapToLong(StateCount::files).sum();
        List<Dashboard.Count> stages = byStage(states).entrySet().stream()
                .map(e -> new Dashboard.Count(e.getKey(), label("evaluation.stage." + e.getKey()), e.getValue()))
                .toList();
        return new Dashboard(
                unit.code(),
                unit.name(),
                unit.kind().label(),
                y,
                chosen == null ? null : chosen.code(),
                projects.stream()
                        .filter(p -> p.year() == y)
                        .map(p -> new Dashboard.ProjectRef(p.code(), p.name(), codes.contains(p.code())))
                        .toList(),
                files,
                stages,
                stateRows(states),
                grades(unit, codes, files),
                quota(unit, shown, projects),
                evaluations.vetoes(codes, unit.path()).entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .map(e -> new Dashboard.Count(e.getKey(), e.getKey(), e.getValue()))
                        .toList(),
                ageing(unit),
                unitRows(unit, shown));
    }

    /** The project asked for: it must concern the unit, and lie in {@code year} if that is given too. */
    private static ProjectFacts chosen(List<ProjectFacts> projects, Integer year, String project) {
        if (project == null || project.isBlank()) {
            return null;
        }
        ProjectFacts p = projects.stream()
                .filter(f -> f.code().equals(project.trim()))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("project " + project.trim()));
        if (year != null && year != p.year()) {
            throw InvalidInputException.of("project", "report.project.otherYear", p.code(), p.year());
        }
        return p;
    }

    /** The year's last created project of each owner (the list comes in order of creation). */
    private static List<ProjectFacts> latestPerOwner(List<ProjectFacts> projects, int year) {
        Map<String, ProjectFacts> latest = new LinkedHashMap<>();
        projects.stream().filter(p -> p.year() == year).forEach(p -> latest.put(p.ownerPath(), p));
        return List.copyOf(latest.values());
    }

    private List<Dashboard.StateRow> stateRows(List<StateCount> states) {
        List<Dashboard.StateRow> rows = new ArrayList<>();
        for (EvaluationState s : EvaluationState.values()) {
            rows.add(new Dashboard.StateRow(
                    s.name(),
                    label("evaluation.stage." + s.phase().name()),
                    label("evaluation.status." + s.status()),
                    count(states, s)));
        }
        return rows;
    }

    /** Files per grade, the best first, then the files without a grade yet. */
    private List<Dashboard.Count> grades(OrgUnitRef unit, List<String> projects, long files) {
        List<GradeCount> graded = new ArrayList<>(evaluations.grades(projects, unit.path()));
        graded.sort(Comparator.comparing((GradeCount g) -> g.best() == null ? Double.NEGATIVE_INFINITY : g.best())
                .reversed());
        List<Dashboard.Count> grades = new ArrayList<>();
        long rated = 0;
        for (GradeCount g : graded) {
            if (g.grade() != null) {
                grades.add(new Dashboard.Count(g.grade(), g.grade(), g.files()));
                rated += g.files();
            }
        }
        grades.add(new Dashboard.Count(NO_GRADE, label("report.grade.none"), files - rated));
        return grades;
    }

    /** Quota plan against plaques awarded in the shown projects, and per year across all projects. */
    private Dashboard.Quota quota(OrgUnitRef unit, List<ProjectFacts> shown, List<ProjectFacts> projects) {
        Map<String, Long> certified = evaluations.certifiedByProject(unit.path());
        List<Dashboard.YearRow> years = new ArrayList<>();
        Map<Integer, List<ProjectFacts>> byYear = new TreeMap<>();
        projects.forEach(
                p -> byYear.computeIfAbsent(p.year(), k -> new ArrayList<>()).add(p));
        byYear.forEach((py, list) -> years.add(new Dashboard.YearRow(py, plan(list, unit), awarded(list, certified))));
        return new Dashboard.Quota(plan(shown, unit), awarded(shown, certified), years);
    }

    /**
     * One row per subordinate unit: its files per stage, plan, plaques and open items. Schools and departments
     * directly under the unit share one more row (the unit's own figures less its subordinates'), so the rows
     * always add up to the unit's totals.
     */
    private List<Dashboard.UnitRow> unitRows(OrgUnitRef unit, List<ProjectFacts> projects) {
        List<OrgUnitRef> children = scope.children(unit);
        if (children.isEmpty()) {
            return List.of();
        }
        List<Dashboard.UnitRow> rows = new ArrayList<>();
        for (OrgUnitRef child : children) {
            rows.add(row(child, child.code(), child.name(), projects));
        }
        Dashboard.UnitRow direct =
                minus(row(unit, unit.code(), label("report.units.direct", unit.name()), projects), rows);
        if (direct.files() > 0 || direct.openItems() > 0) {
            rows.add(direct);
        }
        return rows;
    }

    private Dashboard.UnitRow row(OrgUnitRef u, String code, String name, List<ProjectFacts> projects) {
        List<ProjectFacts> concerning =
                projects.stream().filter(p -> p.concerns(u.path())).toList();
        List<StateCount> states =
                evaluations.states(concerning.stream().map(ProjectFacts::code).toList(), u.path());
        OpenItems open = rectifications.open(u.path());
        return new Dashboard.UnitRow(
                code,
                name,
                states.stream().mapToLong(StateCount::files).sum(),
                byStage(states),
                plan(concerning, u),
                awarded(concerning, evaluations.certifiedByProject(u.path())),
                open.open(),
                open.overdue());
    }

    /** {@code whole} less the sum of {@code parts}; a plan is never negative. */
    private static Dashboard.UnitRow minus(Dashboard.UnitRow whole, List<Dashboard.UnitRow> parts) {
        Map<String, Long> byStage = new LinkedHashMap<>(whole.byStage());
        parts.forEach(p -> p.byStage().forEach((k, v) -> byStage.merge(k, -v, Long::sum)));
        return new Dashboard.UnitRow(
                whole.orgUnit(),
                whole.name(),
                whole.files()
                        - parts.stream().mapToLong(Dashboard.UnitRow::files).sum(),
                byStage,
                Math.max(
                        0,
                        whole.plan()
                                - parts.stream()
                                        .mapToLong(Dashboard.UnitRow::plan)
                                        .sum()),
                whole.awarded()
                        - parts.stream().mapToLong(Dashboard.UnitRow::awarded).sum(),
                whole.openItems()
                        - parts.stream().mapToLong(Dashboard.UnitRow::openItems).sum(),
                whole.overdueItems()
                        - parts.stream()
                                .mapToLong(Dashboard.UnitRow::overdueItems)
                                .sum());
    }

    private Dashboard.Ageing ageing(OrgUnitRef unit) {
        OpenItems open = rectifications.open(unit.path());
        List<Dashboard.Count> ages = new ArrayList<>();
        List<Integer> limits = RectificationStats.AGE_LIMITS;
        for (int i = 0; i < open.byAge().size(); i++) {
            String key = i < limits.size() ? "le" + limits.get(i) : "gt" + limits.get(limits.size() - 1);
            ages.add(new Dashboard.Count(
                    key, label("report.age." + key), open.byAge().get(i)));
        }
        return new Dashboard.Ageing(open.open(), open.overdue(), ages);
    }

    /** The unit's plan summed over projects: the quota of projects it owns or stands above, else its target. */
    private long plan(List<ProjectFacts> projects, OrgUnitRef unit) {
        return projects.stream().mapToLong(p -> targets.plan(p, unit).target()).sum();
    }

    /** Plaques awarded in these projects, from the unit's counts per project. */
    private static long awarded(List<ProjectFacts> projects, Map<String, Long> certified) {
        return projects.stream()
                .mapToLong(p -> certified.getOrDefault(p.code(), 0L))
                .sum();
    }

    private static Map<String, Long> byStage(List<StateCount> states) {
        Map<String, Long> result = new LinkedHashMap<>();
        for (Phase s : Phase.values()) {
            result.put(s.name(), 0L);
        }
        states.forEach(c -> result.merge(c.state().phase().name(), c.files(), Long::sum));
        return result;
    }

    private static long count(List<StateCount> states, EvaluationState state) {
        return states.stream()
                .filter(c -> c.state() == state)
                .mapToLong(StateCount::files)
                .sum();
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
