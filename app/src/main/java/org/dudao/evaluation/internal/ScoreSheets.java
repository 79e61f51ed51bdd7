package org.dudao.evaluation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.audit.AuditLog;
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
import org.dudao.shared.ConflictException;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.Problems;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The score sheets of a file: the school's self-scores, each expert's independent sheet, and the consolidated
 * sheet of a level (the agreed sheet, or the mean of the experts' sheets).
 */
@Service
public class ScoreSheets {

    private final ProjectScope projects;
    private final EvaluationFiles files;
    private final ExpertScoreRepository expertScores;
    private final EvaluationRepository evaluations;
    private final EvaluationScoring scoring;
    private final EvaluationEvidence evidence;
    private final OrgUnits orgUnits;
    private final AuditLog audit;
    private final Clock clock;

    ScoreSheets(
            ProjectScope projects,
            EvaluationFiles files,
            ExpertScoreRepository expertScores,
            EvaluationRepository evaluations,
            EvaluationScoring scoring,
            EvaluationEvidence evidence,
            OrgUnits orgUnits,
            AuditLog audit,
            Clock clock) {
        this.projects = projects;
        this.files = files;
        this.expertScores = expertScores;
        this.evaluations = evaluations;
        this.scoring = scoring;
        this.evidence = evidence;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.clock = clock;
    }

    /** The school's self-scores of the manual indicators; returns the live score. */
    @Transactional
    public EvaluationView selfScore(String projectCode, String unitCode, ScoreSheet sheet) {
        Project p = projects.readable(projectCode);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        Evaluation e = files.file(p, unit);
        Set<Hat> hats = files.hats(p, e);
        if (!hats.contains(Hat.SCHOOL_CLERK) && !hats.contains(Hat.SCHOOL_HEAD)) {
            throw new ForbiddenException("error.forbidden");
        }
        if (e.getState() != EvaluationState.SELF_DRAFT) {
            throw new ConflictException(
                    "evaluation.error.not-editable", e.getState().name());
        }
        if (sheet != null && sheet.version() != null && sheet.version() != e.getRowVersion()) {
            throw new ObjectOptimisticLockingFailureException(Evaluation.class, e.getId());
        }
        Map<String, ManualEntry> manual = validSheet(p, sheet);
        EvaluationView before = files.view(p, e, unit);
        e.manual(Phase.SELF, scoring.write(manual));
        files.rescore(p, unit, e, manual);
        evaluations.flush();
        EvaluationView after = files.view(p, e, unit);
        audit.updated("Evaluation", e.getId(), unit.name(), e.getUnitPath(), before, after);
        return after;
    }

    /** An expert's own independent sheet at the level the file is being scored at. */
    @Transactional
    public EvaluationDetail.Sheet expertScore(String projectCode, String unitCode, ScoreSheet sheet) {
        Project p = projects.readable(projectCode);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        Evaluation e = files.file(p, unit);
        Phase level = projects.requireGroupMember(p, e);
        String username = Access.currentUsername();
        Map<String, ManualEntry> manual = validSheet(p, sheet);
        Problems problems = new Problems();
        problems.maxLength("comment", sheet.comment(), 2000);
        problems.maxLength("findings", sheet.findings(), 4000);
        evidence.checkSheet(unit, sheet, problems);
        problems.throwIfAny();
        ExpertScore s = expertScores
                .findByEvaluationIdAndLevelAndUsername(e.getId(), level, username)
                .orElseGet(() -> new ExpertScore(e.getId(), level, username));
        boolean created = s.getId() == null;
        Map<String, ManualEntry> before = scoring.read(s.getManual());
        String files = sheet.evidence() == null || sheet.evidence().isEmpty()
                ? null
                : String.join(
                        ",",
                        sheet.evidence().stream()
                                .distinct()
                                .map(String::valueOf)
                                .toList());
        s.record(
                scoring.write(manual),
                EvaluationFiles.trim(sheet.comment()),
                EvaluationFiles.trim(sheet.findings()),
                files,
                Instant.now(clock));
        expertScores.saveAndFlush(s);
        EvaluationDetail.Sheet view = new EvaluationDetail.Sheet(
                level.name(),
                username,
                manual,
                s.getComment(),
                s.getFindings(),
                EvaluationFiles.ids(files),
                s.getSubmittedAt());
        if (created) {
            audit.created("ExpertScore", s.getId(), unit.name(), e.getUnitPath(), view);
        } else {
            audit.updated("ExpertScore", s.getId(), unit.name(), e.getUnitPath(), before, manual);
        }
        return view;
    }

    /**
     * The consolidated sheet of a level: the agreed sheet when given, else the mean of the experts' sheets per
     * indicator (reasons joined); null when no expert has scored yet.
     */
    Map<String, ManualEntry> consolidate(Project p, Evaluation e, Phase level, Map<String, ManualEntry> agreed) {
        if (agreed != null) {
            return validSheet(p, new ScoreSheet(agreed, null, null, null));
        }
        List<ExpertScore> sheets = expertScores.findByEvaluationIdAndLevel(e.getId(), level);
        if (sheets.isEmpty()) {
            return null;
        }
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, List<String>> reasons = new HashMap<>();
        for (ExpertScore s : sheets) {
            scoring.read(s.getManual()).forEach((code, entry) -> {
                if (entry.score() == null) return;
                double[] acc = sums.computeIfAbsent(code, k -> new double[2]);
                acc[0] += entry.score();
                acc[1]++;
                if (entry.reason() != null && !entry.reason().isBlank()) {
                    reasons.computeIfAbsent(code, k -> new ArrayList<>()).add(s.getUsername() + "：" + entry.reason());
                }
            });
        }
        Map<String, ManualEntry> mean = new LinkedHashMap<>();
        sums.forEach((code, acc) -> mean.put(
                code,
                new ManualEntry(
                        CompiledScheme.round2(acc[0] / acc[1]),
                        reasons.containsKey(code) ? String.join("；", reasons.get(code)) : null)));
        return mean;
    }

    Map<String, ManualEntry> validSheet(Project p, ScoreSheet sheet) {
        CompiledScheme cs = scoring.scheme(p);
        Map<String, Double> points = new HashMap<>();
        collectPoints(cs, points);
        Problems problems = new Problems();
        Map<String, ManualEntry> manual = new LinkedHashMap<>();
        if (sheet == null || sheet.manual() == null) {
            throw InvalidInputException.of("manual", "error.required");
        }
        sheet.manual().forEach((code, entry) -> {
            String field = "manual." + code;
            if (!cs.manualIndicators().contains(code)) {
                problems.add(field, "evaluation.error.not-manual", code);
            } else if (entry == null || entry.score() == null) {
                problems.add(field, "error.required");
            } else if (entry.score() < 0 || entry.score() > points.getOrDefault(code, 0.0)) {
                problems.add(field, "error.range", 0, points.getOrDefault(code, 0.0));
            } else if (entry.score() < points.getOrDefault(code, 0.0)
                    && (entry.reason() == null || entry.reason().isBlank())) {
                problems.add(field, "evaluation.error.reason-below-full");
            } else if (entry.reason() != null && entry.reason().length() > 1000) {
                problems.add(field, "error.too-long", 1000);
            } else {
                manual.put(code, new ManualEntry(entry.score(), EvaluationFiles.trim(entry.reason())));
            }
        });
        problems.throwIfAny();
        return manual;
    }

    private static void collectPoints(CompiledScheme cs, Map<String, Double> points) {
        ScoreResult empty =
                cs.score(org.dudao.engine.SchoolType.PRIMARY, org.dudao.engine.Enrolment.NONE, Map.of(), Map.of());
        for (IndicatorScore s : empty.indicators()) {
            points.put(s.code(), s.points());
        }
    }
}
