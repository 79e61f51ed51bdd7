package org.dudao.report.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.audit.AuditLog;
import org.dudao.cases.CaseCriticisms;
import org.dudao.evaluation.EvaluationStats;
import org.dudao.evaluation.EvaluationStats.ProjectFacts;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.rectification.RectificationStats;
import org.dudao.shared.Access;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 目标考核: completion of each township (or county) against its target from the plaques awarded in the year's
 * projects, less the deduction for rectification items not rectified on time ({@link AssessmentScore}); and the
 * owner's edits of targets and weights.
 */
@Service
public class Assessments {

    static final int MAX_TARGET = 100_000;
    static final BigDecimal MAX_WEIGHT = BigDecimal.valueOf(100);

    private final ReportScope scope;
    private final Targets targets;
    private final AssessmentTargetRepository stored;
    private final EvaluationStats evaluations;
    private final RectificationStats rectifications;
    private final CaseCriticisms criticisms;
    private final OrgUnits orgUnits;
    private final AuditLog audit;
    private final Clock clock;
    private final BigDecimal perLateItem;
    private final ReportCache cache;

    Assessments(
            ReportScope scope,
            Targets targets,
            AssessmentTargetRepository stored,
            EvaluationStats evaluations,
            RectificationStats rectifications,
            CaseCriticisms criticisms,
            OrgUnits orgUnits,
            AuditLog audit,
            Clock clock,
            @Value("${dudao.report.late-item-deduction:5}") BigDecimal perLateItem,
            ReportCache cache) {
        this.scope = scope;
        this.targets = targets;
        this.stored = stored;
        this.evaluations = evaluations;
        this.rectifications = rectifications;
        this.criticisms = criticisms;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.clock = clock;
        this.perLateItem = perLateItem;
        this.cache = cache;
    }

    /** The table for {@code orgUnit} (default: the caller's scope root) and {@code year} (default: this year). */
    @Transactional(readOnly = true)
    public Assessment assessment(String orgUnit, Integer year) {
        OrgUnitRef unit = scope.unit(orgUnit);
        int y = scope.year(year);
        Table table = cache.get("assessment", Arrays.asList(unit.code(), y), () -> table(unit, y));
        // who may edit a project's targets is the caller's, never remembered
        List<Assessment.ProjectRef> refs = table.projects().stream()
                .map(p -> new Assessment.ProjectRef(p.code(), p.name(), Access.can(Role.OFFICE, p.ownerPath())))
                .toList();
        return new Assessment(unit.code(), unit.name(), y, perLateItem, criticisms.pointsEach(), table.rows(), refs);
    }

    /** The rows of the table and the year's projects, the same for every caller. */
    private record Table(List<Assessment.Row> rows, List<ProjectFacts> projects) {}

    private Table table(OrgUnitRef unit, int y) {
        List<OrgUnitRef> assessed =
                unit.kind().level() == OrgKind.Level.TOWNSHIP ? List.of(unit) : scope.children(unit);
        List<ProjectFacts> projects = evaluations.projectsConcerning(unit.path()).stream()
                .filter(p -> p.year() == y)
                .toList();
        List<RectificationStats.DueItem> due = rectifications.dueIn(y, unit.path());
        Map<String, Long> criticised =
                criticisms.countByUnit(java.time.LocalDate.of(y, 1, 1), java.time.LocalDate.of(y, 12, 31), unit.path());
        List<Assessment.Row> rows = new ArrayList<>();
        for (OrgUnitRef c : assessed) {
            List<ProjectFacts> mine =
                    projects.stream().filter(p -> p.concerns(c.path())).toList();
            if (!mine.isEmpty()) {
                rows.add(row(c, mine, due, CaseCriticisms.under(criticised, c.path())));
            }
        }
        return new Table(List.copyOf(rows), projects);
    }

    /**
     * One assessed unit: a line per project (target, plaques, weight), less the deduction for late items and for
     * the 通报批评 of its cases.
     */
    private Assessment.Row row(
            OrgUnitRef c, List<ProjectFacts> mine, List<RectificationStats.DueItem> due, long criticised) {
        Map<String, Long> certified = evaluations.certifiedByProject(c.path());
        List<Assessment.Line> lines = new ArrayList<>();
        for (ProjectFacts p : mine) {
            Targets.Plan plan = targets.plan(p, c);
            long passed = certified.getOrDefault(p.code(), 0L);
            lines.add(new Assessment.Line(
                    p.code(),
                    c.code(),
                    plan.target(),
                    plan.targetSet(),
                    passed,
                    plan.weight(),
                    plan.weightSet(),
                    AssessmentScore.completion(plan.weight(), passed, plan.target()),
                    plan.version()));
        }
        long late = due.stream()
                .filter(d -> d.late() && d.unitPath().startsWith(c.path()))
                .count();
        BigDecimal completion =
                lines.stream().map(Assessment.Line::completion).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal deduction = AssessmentScore.deduction(late, perLateItem)
                .add(AssessmentScore.deduction(criticised, criticisms.pointsEach()));
        return new Assessment.Row(
                c.code(),
                c.name(),
                lines.stream().mapToInt(Assessment.Line::target).sum(),
                lines.stream().mapToLong(Assessment.Line::passed).sum(),
                lines.stream().map(Assessment.Line::weight).reduce(BigDecimal.ZERO, BigDecimal::add),
                AssessmentScore.round(completion),
                late,
                criticised,
                deduction,
                AssessmentScore.score(completion, deduction),
                lines.stream()
                        .map(l -> new Assessment.Line(
                                l.project(),
                                l.orgUnit(),
                                l.target(),
                                l.targetSet(),
                                l.passed(),
                                l.weight(),
                                l.weightSet(),
                                AssessmentScore.round(l.completion()),
                                l.version()))
                        .toList());
    }

    /**
     * Sets (or, with both values null, clears) the target and weight of a unit in a project: a director or
     * administrator covering the project owner, for a township, county or city at or below the owner.
     */
    @Transactional
    public Assessment.Line setTarget(String projectCode, String unitCode, TargetForm form) {
        ProjectFacts p = evaluations
                .project(projectCode)
                .filter(x -> Access.canReadInherited(x.ownerPath()))
                .orElseThrow(() -> new NotFoundException("project " + projectCode));
        OrgUnitRef unit = orgUnits.readable(unitCode);
        if (!Access.can(Role.OFFICE, p.ownerPath())) {
            throw new ForbiddenException("error.forbidden");
        }
        Integer target = form == null ? null : form.target();
        BigDecimal weight = form == null ? null : form.weight();
        validate(p, unit, target, weight);
        store(p, unit, target, weight, form == null ? null : form.version());
        Targets.Plan plan = targets.plan(p, unit);
        long passed = evaluations.certifiedByProject(unit.path()).getOrDefault(p.code(), 0L);
        return new Assessment.Line(
                p.code(),
                unit.code(),
                plan.target(),
                plan.targetSet(),
                passed,
                plan.weight(),
                plan.weightSet(),
                AssessmentScore.round(AssessmentScore.completion(plan.weight(), passed, plan.target())),
                plan.version());
    }

    private static void validate(ProjectFacts p, OrgUnitRef unit, Integer target, BigDecimal weight) {
        Problems problems = new Problems();
        if (!unit.path().startsWith(p.ownerPath()) || unit.kind().level() == OrgKind.Level.UNIT) {
            problems.add("orgUnit", "report.error.target-unit", p.code());
        }
        if (target != null && (target < 0 || target > MAX_TARGET)) {
            problems.add("target", "error.range", 0, MAX_TARGET);
        }
        if (weight != null && (weight.signum() <= 0 || weight.compareTo(MAX_WEIGHT) > 0)) {
            problems.add("weight", "report.error.weight", MAX_WEIGHT);
        } else if (weight != null && weight.stripTrailingZeros().scale() > 2) {
            problems.add("weight", "report.error.weight-decimals");
        }
        problems.throwIfAny();
    }

    /** Stores the unit's own target and weight; none of them removes the row (the defaults apply again). */
    private void store(ProjectFacts p, OrgUnitRef unit, Integer target, BigDecimal weight, Integer version) {
        AssessmentTarget t =
                stored.findByProjectCodeAndOrgUnitId(p.code(), unit.id()).orElse(null);
        // a version read (-1: none stored) that no longer matches means someone else set it meanwhile
        if (version != null && version != (t == null ? -1 : t.getRowVersion())) {
            throw new ObjectOptimisticLockingFailureException(AssessmentTarget.class, p.code() + "/" + unit.code());
        }
        Map<String, Object> before = t == null ? null : values(t.getTarget(), t.getWeight());
        String label = p.code() + " " + unit.name();
        if (target == null && weight == null) {
            if (t != null) {
                stored.delete(t);
                stored.flush();
                audit.deleted("AssessmentTarget", t.getId(), label, unit.path(), before);
            }
        } else {
            AssessmentTarget saved = t == null ? new AssessmentTarget(p.code(), unit.id()) : t;
            saved.set(
                    target,
                    weight == null ? null : weight.setScale(2, java.math.RoundingMode.UNNECESSARY),
                    Access.currentUsername(),
                    Instant.now(clock));
            saved = stored.saveAndFlush(saved);
            if (t == null) {
                audit.created("AssessmentTarget", saved.getId(), label, unit.path(), values(target, weight));
            } else {
                audit.updated("AssessmentTarget", saved.getId(), label, unit.path(), before, values(target, weight));
            }
        }
    }

    private static Map<String, Object> values(Integer target, BigDecimal weight) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", target);
        m.put("weight", weight);
        return m;
    }
}
