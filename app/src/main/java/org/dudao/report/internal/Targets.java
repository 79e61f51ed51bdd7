package org.dudao.report.internal;

import java.math.BigDecimal;
import java.util.Map;
import org.dudao.evaluation.EvaluationStats;
import org.dudao.evaluation.EvaluationStats.ProjectFacts;
import org.dudao.evaluation.QuotaPlan;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.springframework.stereotype.Component;

/**
 * The target and weight of a unit in a project: what the owner stored, else the default — the project's quota
 * (小学 + 中学) for the owner and the units above it, 5% of the unit's candidate schools rounded up (the rule of
 * {@link QuotaPlan}) for a unit below the owner; weight 10.
 */
@Component
class Targets {

    static final BigDecimal DEFAULT_WEIGHT = BigDecimal.TEN;

    /**
     * A unit's plan in one project; {@code targetSet}/{@code weightSet} tell a stored value from a default,
     * {@code version} is the stored row's version (-1: none stored).
     */
    record Plan(int target, boolean targetSet, BigDecimal weight, boolean weightSet, int version) {}

    private final AssessmentTargetRepository stored;
    private final OrgUnits orgUnits;

    Targets(AssessmentTargetRepository stored, OrgUnits orgUnits) {
        this.stored = stored;
        this.orgUnits = orgUnits;
    }

    Plan plan(ProjectFacts project, OrgUnitRef unit) {
        AssessmentTarget t =
                stored.findByProjectCodeAndOrgUnitId(project.code(), unit.id()).orElse(null);
        Integer target = t == null ? null : t.getTarget();
        BigDecimal weight = t == null ? null : t.getWeight();
        return new Plan(
                target != null ? target : defaultTarget(project, unit),
                target != null,
                weight != null ? weight : DEFAULT_WEIGHT,
                weight != null,
                t == null ? -1 : t.getRowVersion());
    }

    int defaultTarget(ProjectFacts project, OrgUnitRef unit) {
        if (project.ownerPath().startsWith(unit.path())) {
            return project.quota();
        }
        Map<OrgKind, Long> kinds = orgUnits.countByKindUnder(unit.code());
        long candidates = EvaluationStats.CANDIDATES.stream()
                .mapToLong(k -> kinds.getOrDefault(k, 0L))
                .sum();
        int[] split = QuotaPlan.split(candidates, kinds.getOrDefault(OrgKind.PRIMARY, 0L));
        return split[0] + split[1];
    }
}
