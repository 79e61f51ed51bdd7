package org.dudao.evaluation.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.engine.ScoreResult;
import org.dudao.evaluation.EvaluationView;
import org.dudao.evaluation.ManualEntry;
import org.dudao.evaluation.ObjectionView;
import org.dudao.evaluation.Phase;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.Grant;
import org.dudao.shared.IdList;
import org.springframework.stereotype.Component;

/**
 * What the use cases of a file share: finding it in scope, the capacities the user acts in ({@link Hats}), the
 * facts the workflow rules need, rescoring and the views.
 */
@Component
public class EvaluationFiles {

    /** In standardization the kinds of school the city body approves and awards; the county body does 小学. */
    static final Set<OrgKind> CITY_APPROVES = ReviewChain.CITY_APPROVES;

    private final ProjectScope projects;
    private final EvaluationRepository evaluations;
    private final ObjectionRepository objections;
    private final EvaluationScoring scoring;
    private final OrgUnits orgUnits;
    private final Clock clock;

    EvaluationFiles(
            ProjectScope projects,
            EvaluationRepository evaluations,
            ObjectionRepository objections,
            EvaluationScoring scoring,
            OrgUnits orgUnits,
            Clock clock) {
        this.projects = projects;
        this.evaluations = evaluations;
        this.objections = objections;
        this.scoring = scoring;
        this.orgUnits = orgUnits;
        this.clock = clock;
    }

    Evaluation file(Project p, OrgUnitRef unit) {
        return evaluations.fileOf(p, unit);
    }

    Set<Hat> hats(Project p, Evaluation e) {
        List<Grant> grants = Access.grants();
        Place place = projects.place(e.getUnitPath());
        Set<Hat> hats = Hats.of(grants, place);
        for (ExpertGroup g : projects.groupsOf(p)) {
            if (g.getLeader().equals(Access.currentUsername())
                    && g.covers(e.getOrgUnitId())
                    && Hats.expertAt(grants, place, g.getLevel())) {
                hats.add(Hat.leader(g.getLevel()));
            }
        }
        return hats;
    }

    Workflow.Facts facts(Project p, Evaluation e, OrgUnitRef unit, ScoreResult r) {
        LocalDate today = LocalDate.now(clock);
        LocalDate due = e.getExtendedTo() != null && e.getExtendedTo().isAfter(p.getDeadline())
                ? e.getExtendedTo()
                : p.getDeadline();
        Place place = projects.place(e.getUnitPath());
        long open = objections.findByEvaluationIdOrderByIdAsc(e.getId()).stream()
                .filter(Objection::open)
                .count();
        boolean publicityOver =
                e.getPublicityUntil() != null && !Instant.now(clock).isBefore(e.getPublicityUntil());
        ReviewChain chain = p.reviewChain();
        Phase approving = chain.approving(unit.kind()).phase();
        String grade = r.grade();
        boolean top = scoring.passed(p, grade);
        return new Workflow.Facts(
                place.township() != null,
                approving == Phase.CITY,
                !today.isAfter(due),
                chain.standard() ? top : scoring.aboveLowest(p, grade),
                false,
                publicityOver,
                (int) open,
                chain,
                approving,
                top);
    }

    void rescore(Project p, OrgUnitRef unit, Evaluation e, Map<String, ManualEntry> manual) {
        ScoreResult r = scoring.score(p, unit, manual);
        e.scored(r.total(), EvaluationScoring.settledGrade(r), scoring.vetoes(r), Instant.now(clock));
    }

    EvaluationView view(Project p, Evaluation e, OrgUnitRef u) {
        return view(p, e, u, orgUnits.refs(List.of(u.parentId())).get(u.parentId()));
    }

    EvaluationView view(Project p, Evaluation e, OrgUnitRef u, OrgUnitRef parent) {
        return new EvaluationView(
                u.code(),
                u.name(),
                parent == null ? null : parent.code(),
                parent == null ? null : parent.name(),
                u.kind().label(),
                e.getState().phase().name(),
                e.getState().status(),
                e.getTotal(),
                e.getGrade(),
                scoring.readVetoes(e.getVetoes()),
                e.getCertificateNo(),
                e.getPublicityUntil(),
                p.overdue(e.getState(), LocalDate.now(clock)),
                e.getRowVersion());
    }

    List<ObjectionView> objectionViews(Evaluation e, boolean staff) {
        return objections.findByEvaluationIdOrderByIdAsc(e.getId()).stream()
                .map(o -> view(o, staff))
                .toList();
    }

    ObjectionView view(Objection o, boolean staff) {
        return new ObjectionView(
                o.getId(),
                o.getBody(),
                staff ? o.getContact() : null,
                o.getSubmittedAt(),
                o.getAnswer(),
                o.getAnsweredBy(),
                o.getAnsweredAt());
    }

    static List<Long> ids(String text) {
        return IdList.of(text);
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
