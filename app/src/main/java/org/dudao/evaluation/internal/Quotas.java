package org.dudao.evaluation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.audit.AuditLog;
import org.dudao.evaluation.EvaluationState;
import org.dudao.evaluation.Phase;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.Problems;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The quota plan of a project (名额, 小学 + 中学) and its progress: plaques awarded, files per phase, other years. */
@Service
public class Quotas {

    private final ProjectScope projects;
    private final ProjectRepository repository;
    private final EvaluationRepository evaluations;
    private final OrgUnits orgUnits;
    private final AuditLog audit;

    Quotas(
            ProjectScope projects,
            ProjectRepository repository,
            EvaluationRepository evaluations,
            OrgUnits orgUnits,
            AuditLog audit) {
        this.projects = projects;
        this.repository = repository;
        this.evaluations = evaluations;
        this.orgUnits = orgUnits;
        this.audit = audit;
    }

    /**
     * The plan of a readable project with the progress the caller may see: files and plaques are counted only
     * inside the caller's scope, so a school sees its own file, not the county's.
     */
    @Transactional(readOnly = true)
    public QuotaView quota(String code) {
        Project p = projects.readable(code);
        List<Evaluation> files = visible(p);
        Map<Long, OrgUnitRef> refs =
                orgUnits.refs(files.stream().map(Evaluation::getOrgUnitId).toList());
        Map<String, Long> byStage = new LinkedHashMap<>();
        Arrays.stream(Phase.values()).forEach(s -> byStage.put(s.name(), 0L));
        long passed = 0, passedPrimary = 0;
        for (Evaluation e : files) {
            byStage.merge(e.getState().phase().name(), 1L, Long::sum);
            if (e.getState() == EvaluationState.CERTIFIED) {
                passed++;
                if (refs.get(e.getOrgUnitId()).kind() == OrgKind.PRIMARY) passedPrimary++;
            }
        }
        List<QuotaView.YearProgress> years = new ArrayList<>();
        for (Project other : repository.findByOrgUnitIdOrderByYearAsc(p.getOrgUnitId())) {
            long done = visible(other).stream()
                    .filter(e -> e.getState() == EvaluationState.CERTIFIED)
                    .count();
            years.add(new QuotaView.YearProgress(
                    other.getYear(), other.getCode(), other.getQuotaPrimary() + other.getQuotaSecondary(), done));
        }
        return new QuotaView(
                p.getQuotaPrimary() + p.getQuotaSecondary(),
                p.getQuotaPrimary(),
                p.getQuotaSecondary(),
                passed,
                passedPrimary,
                passed - passedPrimary,
                byStage,
                years);
    }

    private List<Evaluation> visible(Project p) {
        return evaluations.findByProjectIdOrderByIdAsc(p.getId()).stream()
                .filter(e -> Access.canRead(e.getUnitPath()))
                .toList();
    }

    /** Edits the quota plan (小学 + 中学). */
    @Transactional
    public ProjectView planQuota(String code, Integer primary, Integer secondary, Integer version) {
        Project p = projects.readable(code);
        ProjectScope.requireManager(p.getOwnerPath());
        if (version != null && version != p.getRowVersion()) {
            throw new ObjectOptimisticLockingFailureException(Project.class, p.getId());
        }
        Problems problems = new Problems();
        if (primary == null || primary < 0 || primary > 100_000) problems.add("primary", "error.range", 0, 100_000);
        if (secondary == null || secondary < 0 || secondary > 100_000) {
            problems.add("secondary", "error.range", 0, 100_000);
        }
        problems.throwIfAny();
        ProjectView before = projects.view(p);
        p.plan(primary, secondary);
        repository.flush();
        ProjectView after = projects.view(p);
        audit.updated("EvaluationProject", p.getCode(), p.getName(), p.getOwnerPath(), before, after);
        return after;
    }
}
