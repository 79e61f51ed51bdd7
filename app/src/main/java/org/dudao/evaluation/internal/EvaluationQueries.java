package org.dudao.evaluation.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dudao.engine.CompiledScheme;
import org.dudao.engine.IndicatorScore;
import org.dudao.engine.ScoreResult;
import org.dudao.evaluation.EvaluationDetail;
import org.dudao.evaluation.EvaluationState;
import org.dudao.evaluation.EvaluationView;
import org.dudao.evaluation.ManualEntry;
import org.dudao.evaluation.Phase;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading files: the list of a project (filtered, ranked) and one file's detail with what the user may do. */
@Service
public class EvaluationQueries {

    private final ProjectScope projects;
    private final EvaluationFiles files;
    private final ScoreSheets sheets;
    private final EvaluationRepository evaluations;
    private final ReviewStepRepository steps;
    private final ExpertScoreRepository expertScores;
    private final EvaluationScoring scoring;
    private final OrgUnits orgUnits;
    private final Clock clock;

    EvaluationQueries(
            ProjectScope projects,
            EvaluationFiles files,
            ScoreSheets sheets,
            EvaluationRepository evaluations,
            ReviewStepRepository steps,
            ExpertScoreRepository expertScores,
            EvaluationScoring scoring,
            OrgUnits orgUnits,
            Clock clock) {
        this.projects = projects;
        this.files = files;
        this.sheets = sheets;
        this.evaluations = evaluations;
        this.steps = steps;
        this.expertScores = expertScores;
        this.scoring = scoring;
        this.orgUnits = orgUnits;
        this.clock = clock;
    }

    /** The readable files that pass the filter; ranked by total (unscored last) when asked, else in file order. */
    @Transactional(readOnly = true)
    public List<EvaluationView> list(String projectCode, FileFilter filter) {
        Project p = projects.readable(projectCode);
        Problems problems = new Problems();
        Phase phase = filter.validate(problems);
        EvaluationState state = filter.state(new Problems());
        problems.throwIfAny();
        String under = EvaluationFiles.trim(filter.under()) == null
                ? null
                : orgUnits.readable(filter.under().trim()).path();
        String q = EvaluationFiles.trim(filter.q()) == null
                ? null
                : filter.q().trim().toLowerCase(Locale.ROOT);
        // a township's 50 files of a city's 20,000 are read alone (bench/load.sh: 32 s → ms under load)
        List<Evaluation> candidates = under == null
                ? evaluations.findByProjectIdOrderByIdAsc(p.getId())
                : evaluations.findUnder(p.getId(), under);
        List<Evaluation> found = candidates.stream()
                .filter(e -> Access.canRead(e.getUnitPath()))
                .filter(e -> under == null || e.getUnitPath().startsWith(under))
                .filter(e -> phase == null || e.getState().phase() == phase)
                .filter(e -> state == null || e.getState() == state)
                .filter(e -> filter.gradeMatches(e.getState(), e.getGrade()))
                .toList();
        Map<Long, OrgUnitRef> refs =
                orgUnits.refs(found.stream().map(Evaluation::getOrgUnitId).toList());
        Map<Long, OrgUnitRef> parents =
                orgUnits.refs(refs.values().stream().map(OrgUnitRef::parentId).toList());
        List<EvaluationView> list = new ArrayList<>();
        for (Evaluation e : found) {
            OrgUnitRef u = refs.get(e.getOrgUnitId());
            if (q == null
                    || u.code().toLowerCase(Locale.ROOT).contains(q)
                    || u.name().toLowerCase(Locale.ROOT).contains(q)) {
                list.add(files.view(p, e, u, parents.get(u.parentId())));
            }
        }
        return filter.ranking()
                ? list.stream()
                        .sorted(Comparator.comparing(
                                EvaluationView::total, Comparator.nullsLast(Comparator.reverseOrder())))
                        .toList()
                : list;
    }

    /** The grades of the project's scheme, the top one first. */
    @Transactional(readOnly = true)
    public List<String> grades(String projectCode) {
        return scoring.scheme(projects.readable(projectCode)).grades();
    }

    @Transactional(readOnly = true)
    public EvaluationDetail detail(String projectCode, String unitCode) {
        Project p = projects.readable(projectCode);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        Evaluation e = files.file(p, unit);
        ScoreResult r = scoring.score(p, unit, scoring.read(e.currentManual()));
        Set<Hat> hats = files.hats(p, e);
        Workflow.Facts facts = files.facts(p, e, unit, r);
        Phase level = e.getState().scoringLevel();
        Map<String, ManualEntry> mean = null;
        if (level != null) {
            mean = sheets.consolidate(p, e, level, null);
            facts = facts.withScoresReady(
                    mean != null && scoring.score(p, unit, mean).unscored().isEmpty());
        }
        return new EvaluationDetail(
                p.getCode(),
                files.view(p, e, unit),
                p.getDeadline(),
                e.getExtendedTo(),
                lines(r),
                scoring.read(e.getSelfManual()),
                scoring.read(e.getCountyManual()),
                scoring.read(e.getCityManual()),
                e.getConsolidationNote(),
                history(e),
                expertSheets(e),
                files.objectionViews(e, true),
                offered(e, hats, facts),
                scoring.scheme(p).manualIndicators(),
                r.total(),
                EvaluationScoring.settledGrade(r),
                scoring.readVetoes(scoring.vetoes(r)),
                mean,
                level == Phase.COUNTY ? p.getCountyDeadline() : level == Phase.CITY ? p.getCityDeadline() : null,
                can(p, e, hats, level),
                scoring.sources(p, unit));
    }

    private static List<EvaluationDetail.Line> lines(ScoreResult r) {
        return r.indicators().stream()
                .map((IndicatorScore s) -> new EvaluationDetail.Line(
                        s.code(),
                        s.name(),
                        CompiledScheme.round2(s.score()),
                        s.points(),
                        s.unscored(),
                        s.missingItem()))
                .toList();
    }

    private List<EvaluationDetail.Step> history(Evaluation e) {
        return steps.findByEvaluationIdOrderByIdAsc(e.getId()).stream()
                .map(s -> new EvaluationDetail.Step(
                        s.getAction().name(),
                        s.getFromState().name(),
                        s.getToState().name(),
                        s.getUsername(),
                        s.getReason(),
                        s.getTotal(),
                        s.getGrade(),
                        s.getAt(),
                        s.signature()))
                .toList();
    }

    private List<EvaluationDetail.Sheet> expertSheets(Evaluation e) {
        List<EvaluationDetail.Sheet> list = new ArrayList<>();
        for (Phase level : List.of(Phase.COUNTY, Phase.CITY, Phase.PROVINCE)) {
            for (ExpertScore s : expertScores.findByEvaluationIdAndLevel(e.getId(), level)) {
                list.add(new EvaluationDetail.Sheet(
                        level.name(),
                        s.getUsername(),
                        scoring.read(s.getManual()),
                        s.getComment(),
                        s.getFindings(),
                        EvaluationFiles.ids(s.getEvidenceIds()),
                        s.getSubmittedAt()));
            }
        }
        return list;
    }

    /** The actions the rules would accept now from this user (lower case, as the API takes them). */
    private static List<String> offered(Evaluation e, Set<Hat> hats, Workflow.Facts facts) {
        List<String> actions = new ArrayList<>();
        for (Action a : Action.values()) {
            try {
                Workflow.next(e.getState(), a, hats, facts, "x");
                actions.add(a.name().toLowerCase(Locale.ROOT));
            } catch (TransitionRefused refused) {
                // not offered
            }
        }
        return actions;
    }

    private EvaluationDetail.Can can(Project p, Evaluation e, Set<Hat> hats, Phase level) {
        return new EvaluationDetail.Can(
                e.getState() == EvaluationState.SELF_DRAFT
                        && (hats.contains(Hat.SCHOOL_CLERK) || hats.contains(Hat.SCHOOL_HEAD)),
                projects.groupMember(p, e, level),
                level != null && (hats.contains(Hat.leader(level)) || hats.contains(Hat.owner(level))),
                e.getState().phase() == Phase.SELF && Access.can(Role.OFFICE, p.getOwnerPath()),
                e.getState() == EvaluationState.SELF_SIGNED
                        && hats.contains(Hat.SCHOOL_HEAD)
                        && !hats.contains(Hat.TOWNSHIP));
    }
}
