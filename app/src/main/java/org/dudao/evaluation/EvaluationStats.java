package org.dudao.evaluation;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dudao.evaluation.internal.EvaluationScoring;
import org.dudao.evaluation.internal.Project;
import org.dudao.org.OrgKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only figures of projects and evaluation files for reports, counted by the database (a city may hold
 * 20,000 schools). Every method takes the materialised path of a unit: the caller has checked that the user may
 * read it, as no method here checks scope.
 */
@Service
@Transactional(readOnly = true)
public class EvaluationStats {

    /** States whose grade was consolidated by experts; before them the grade is the school's own self-score. */
    public static final Set<EvaluationState> RATED = Collections.unmodifiableSet(EnumSet.of(
            EvaluationState.COUNTY_SCORED,
            EvaluationState.CITY_SCORING,
            EvaluationState.CITY_SCORED,
            EvaluationState.PROVINCE_SCORING,
            EvaluationState.PROVINCE_SCORED,
            EvaluationState.PUBLICITY,
            EvaluationState.APPROVED,
            EvaluationState.CERTIFIED,
            EvaluationState.CLOSED));
    /** The kinds of school that take part in standardization (the base of the 5% quota). */
    public static final Set<OrgKind> CANDIDATES = Collections.unmodifiableSet(
            EnumSet.of(OrgKind.PRIMARY, OrgKind.JUNIOR, OrgKind.NINE_YEAR, OrgKind.COMPLETE_SECONDARY));

    /** A project as reports need it: the owner's path and the quota plan (小学 + 中学). */
    public record ProjectFacts(
            String code, String name, int year, String ownerPath, int quotaPrimary, int quotaSecondary) {

        public int quota() {
            return quotaPrimary + quotaSecondary;
        }

        /** Whether the project concerns the unit at {@code path}: owned inside its subtree, or by a unit above it. */
        public boolean concerns(String path) {
            return ownerPath.startsWith(path) || path.startsWith(ownerPath);
        }
    }

    public record StateCount(EvaluationState state, long files) {}

    /** Files per grade; {@code best} is the highest total with that grade, to order the grades. */
    public record GradeCount(String grade, long files, Double best) {}

    private final EntityManager em;
    private final EvaluationScoring scoring;

    EvaluationStats(EntityManager em, EvaluationScoring scoring) {
        this.em = em;
        this.scoring = scoring;
    }

    public Optional<ProjectFacts> project(String code) {
        return em.createQuery("select p from Project p where p.code = :code", Project.class)
                .setParameter("code", code == null ? "" : code.trim())
                .getResultStream()
                .findFirst()
                .map(this::facts);
    }

    /** Projects evaluating schools owned inside the subtree at {@code path} or by a unit above it, by year and creation. */
    public List<ProjectFacts> projectsConcerning(String path) {
        return em.createQuery("""
                        select p from Project p where p.ownerPath like concat(:path, '%')
                        or :path like concat(p.ownerPath, '%') order by p.year, p.id""", Project.class).setParameter("path", path).getResultList().stream()
                // the quota plan, plaques and 目标考核 count schools; 督政 results are published as rankings
                .filter(p -> p.unitKinds().stream().anyMatch(OrgKind::isSchool))
                .map(this::facts)
                .toList();
    }

    /** Files of the projects under {@code path}, per state. */
    public List<StateCount> states(Collection<String> projects, String path) {
        if (projects.isEmpty()) {
            return List.of();
        }
        return em
                .createQuery("""
                        select e.state, count(e) from Evaluation e
                        where e.unitPath like concat(:path, '%')
                        and e.projectId in (select p.id from Project p where p.code in :projects)
                        group by e.state""", Object[].class)
                .setParameter("path", path)
                .setParameter("projects", projects)
                .getResultList()
                .stream()
                .map(r -> new StateCount((EvaluationState) r[0], (Long) r[1]))
                .toList();
    }

    /** Files of the projects under {@code path} that experts have graded ({@link #RATED}), per grade. */
    public List<GradeCount> grades(Collection<String> projects, String path) {
        if (projects.isEmpty()) {
            return List.of();
        }
        return em
                .createQuery("""
                        select e.grade, count(e), max(e.total) from Evaluation e
                        where e.unitPath like concat(:path, '%') and e.state in :rated
                        and e.projectId in (select p.id from Project p where p.code in :projects)
                        group by e.grade""", Object[].class)
                .setParameter("path", path)
                .setParameter("projects", projects)
                .setParameter("rated", RATED)
                .getResultList()
                .stream()
                .map(r -> new GradeCount((String) r[0], (Long) r[1], (Double) r[2]))
                .toList();
    }

    /** Schools awarded the plaque (授牌) under {@code path}, per project code, over all years. */
    public Map<String, Long> certifiedByProject(String path) {
        Map<String, Long> result = new LinkedHashMap<>();
        em.createQuery("""
                        select p.code, count(e) from Evaluation e, Project p
                        where p.id = e.projectId and e.state = :certified and e.unitPath like concat(:path, '%')
                        group by p.code""", Object[].class)
                .setParameter("path", path)
                .setParameter("certified", EvaluationState.CERTIFIED)
                .getResultList()
                .forEach(r -> result.put((String) r[0], (Long) r[1]));
        return result;
    }

    /**
     * Plaque holders (授牌, state CERTIFIED) under {@code path} awarded by a project of year {@code sinceYear} or
     * later: unit id → the latest such year. 回头看 re-checks exactly these schools.
     */
    public Map<Long, Integer> plaqueHolders(String path, int sinceYear) {
        Map<Long, Integer> result = new LinkedHashMap<>();
        em.createQuery("""
                        select e.orgUnitId, max(p.year) from Evaluation e, Project p
                        where p.id = e.projectId and e.state = :certified and e.unitPath like concat(:path, '%')
                        and p.year >= :since group by e.orgUnitId order by e.orgUnitId""", Object[].class)
                .setParameter("path", path)
                .setParameter("certified", EvaluationState.CERTIFIED)
                .setParameter("since", sinceYear)
                .getResultList()
                .forEach(r -> result.put((Long) r[0], ((Number) r[1]).intValue()));
        return result;
    }

    /**
     * Graded files of the projects under {@code path} per fired veto name. Only the files where a veto fired
     * are read (their stored list is short), the others are left in the database.
     */
    public Map<String, Long> vetoes(Collection<String> projects, String path) {
        Map<String, Long> result = new LinkedHashMap<>();
        if (projects.isEmpty()) {
            return result;
        }
        em.createQuery("""
                        select e.vetoes from Evaluation e
                        where e.unitPath like concat(:path, '%') and e.state in :rated
                        and e.vetoes is not null and e.vetoes <> '[]'
                        and e.projectId in (select p.id from Project p where p.code in :projects)""", String.class)
                .setParameter("path", path)
                .setParameter("projects", projects)
                .setParameter("rated", RATED)
                .getResultList()
                .forEach(text -> scoring.readVetoes(text).stream()
                        .map(v -> v.get("name"))
                        .distinct()
                        .forEach(name -> result.merge(name, 1L, Long::sum)));
        return result;
    }

    private ProjectFacts facts(Project p) {
        return new ProjectFacts(
                p.getCode(), p.getName(), p.getYear(), p.getOwnerPath(), p.getQuotaPrimary(), p.getQuotaSecondary());
    }
}
