package org.dudao.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dudao.audit.AuditLog;
import org.dudao.engine.CompiledScheme;
import org.dudao.engine.IndicatorScore;
import org.dudao.engine.ScoreResult;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.DudaoUser;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.Grant;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of one school's evaluation file: list, detail, self-evaluation, expert scoring, transitions,
 * deadline extension, objections and the plaque. Scope comes from {@link Access} (a file outside the user's
 * scope does not exist); the capacity to act comes from {@link Hats} and the workflow rules from {@link Workflow}.
 */
@Service
public class Evaluations {

    static final Set<OrgKind> CITY_APPROVES =
            EnumSet.of(OrgKind.JUNIOR, OrgKind.NINE_YEAR, OrgKind.COMPLETE_SECONDARY, OrgKind.SENIOR);

    private final Projects projects;
    private final EvaluationRepository evaluations;
    private final ReviewStepRepository steps;
    private final ExpertScoreRepository expertScores;
    private final ObjectionRepository objections;
    private final EvaluationScoring scoring;
    private final EvaluationEvidence evidence;
    private final OrgUnits orgUnits;
    private final AuditLog audit;
    private final Clock clock;

    Evaluations(
            Projects projects,
            EvaluationRepository evaluations,
            ReviewStepRepository steps,
            ExpertScoreRepository expertScores,
            ObjectionRepository objections,
            EvaluationScoring scoring,
            EvaluationEvidence evidence,
            OrgUnits orgUnits,
            AuditLog audit,
            Clock clock) {
        this.projects = projects;
        this.evaluations = evaluations;
        this.steps = steps;
        this.expertScores = expertScores;
        this.objections = objections;
        this.scoring = scoring;
        this.evidence = evidence;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reads --------------------------------------------------------------------------------------------

    /** The files of a project that the user may read (a school sees its own). */
    @Transactional(readOnly = true)
    public List<EvaluationView> list(String projectCode) {
        return list(projectCode, FileFilter.ALL);
    }

    /** The readable files that pass the filter; ranked by total (unscored last) when asked, else in file order. */
    @Transactional(readOnly = true)
    public List<EvaluationView> list(String projectCode, FileFilter filter) {
        Project p = projects.readable(projectCode);
        Problems problems = new Problems();
        Phase phase = filter.validate(problems);
        problems.throwIfAny();
        String under = trim(filter.under()) == null
                ? null
                : orgUnits.readable(filter.under().trim()).path();
        String grade = trim(filter.grade());
        String q = trim(filter.q()) == null ? null : filter.q().trim().toLowerCase(Locale.ROOT);
        List<Evaluation> files = evaluations.findByProjectIdOrderByIdAsc(p.getId()).stream()
                .filter(e -> Access.canRead(e.getUnitPath()))
                .filter(e -> under == null || e.getUnitPath().startsWith(under))
                .filter(e -> phase == null || e.getState().phase() == phase)
                .filter(e -> grade == null || grade.equals(e.getGrade()))
                .toList();
        Map<Long, OrgUnitRef> refs =
                orgUnits.refs(files.stream().map(Evaluation::getOrgUnitId).toList());
        Map<Long, OrgUnitRef> parents =
                orgUnits.refs(refs.values().stream().map(OrgUnitRef::parentId).toList());
        List<EvaluationView> list = new ArrayList<>();
        for (Evaluation e : files) {
            OrgUnitRef u = refs.get(e.getOrgUnitId());
            if (q == null
                    || u.code().toLowerCase(Locale.ROOT).contains(q)
                    || u.name().toLowerCase(Locale.ROOT).contains(q)) {
                list.add(view(p, e, u, parents.get(u.parentId())));
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
        Evaluation e = file(p, unit);
        ScoreResult r = scoring.score(p, unit, scoring.read(e.currentManual()));
        List<EvaluationDetail.Line> lines = r.indicators().stream()
                .map((IndicatorScore s) -> new EvaluationDetail.Line(
                        s.code(),
                        s.name(),
                        CompiledScheme.round2(s.score()),
                        s.points(),
                        s.unscored(),
                        s.missingItem()))
                .toList();
        List<EvaluationDetail.Step> history = steps.findByEvaluationIdOrderByIdAsc(e.getId()).stream()
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
        List<EvaluationDetail.Sheet> sheets = new ArrayList<>();
        for (Phase level : List.of(Phase.COUNTY, Phase.CITY)) {
            for (ExpertScore s : expertScores.findByEvaluationIdAndLevel(e.getId(), level)) {
                sheets.add(new EvaluationDetail.Sheet(
                        level.name(),
                        s.getUsername(),
                        scoring.read(s.getManual()),
                        s.getComment(),
                        s.getFindings(),
                        ids(s.getEvidenceIds()),
                        s.getSubmittedAt()));
            }
        }
        Set<Hat> hats = hats(p, e);
        List<String> actions = new ArrayList<>();
        Workflow.Facts facts = facts(p, e, unit, r);
        Phase level = e.getState().scoringLevel();
        Map<String, ManualEntry> mean = null;
        if (level != null) {
            mean = consolidate(p, e, level, null);
            boolean ready =
                    mean != null && scoring.score(p, unit, mean).unscored().isEmpty();
            facts = new Workflow.Facts(
                    facts.viaTownship(),
                    facts.cityApproves(),
                    facts.withinDeadline(),
                    facts.passed(),
                    ready,
                    facts.publicityOver(),
                    facts.openObjections());
        }
        for (Action a : Action.values()) {
            try {
                Workflow.next(e.getState(), a, hats, facts, "x");
                actions.add(a.name().toLowerCase(java.util.Locale.ROOT));
            } catch (TransitionRefused refused) {
                // not offered
            }
        }
        EvaluationDetail.Can can = new EvaluationDetail.Can(
                e.getState() == EvaluationState.SELF_DRAFT
                        && (hats.contains(Hat.SCHOOL_CLERK) || hats.contains(Hat.SCHOOL_HEAD)),
                projects.groupMember(p, e, level),
                level == Phase.COUNTY && (hats.contains(Hat.COUNTY_LEADER) || hats.contains(Hat.COUNTY_OWNER))
                        || level == Phase.CITY && (hats.contains(Hat.CITY_LEADER) || hats.contains(Hat.CITY_OWNER)),
                e.getState().phase() == Phase.SELF && Access.can(Role.OFFICE, p.getOwnerPath()));
        LocalDate stageDeadline =
                level == Phase.COUNTY ? p.getCountyDeadline() : level == Phase.CITY ? p.getCityDeadline() : null;
        return new EvaluationDetail(
                p.getCode(),
                view(p, e, unit),
                p.getDeadline(),
                e.getExtendedTo(),
                lines,
                scoring.read(e.getSelfManual()),
                scoring.read(e.getCountyManual()),
                scoring.read(e.getCityManual()),
                e.getConsolidationNote(),
                history,
                sheets,
                objectionViews(e, true),
                actions,
                scoring.scheme(p).manualIndicators(),
                r.total(),
                r.grade(),
                scoring.readVetoes(scoring.vetoes(r)),
                mean,
                stageDeadline,
                can);
    }

    // ---- self-evaluation and expert sheets ----------------------------------------------------------------

    /** The school's self-scores of the manual indicators; returns the live score. */
    @Transactional
    public EvaluationView selfScore(String projectCode, String unitCode, ScoreSheet sheet) {
        Project p = projects.readable(projectCode);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        Evaluation e = file(p, unit);
        Set<Hat> hats = hats(p, e);
        if (!hats.contains(Hat.SCHOOL_CLERK) && !hats.contains(Hat.SCHOOL_HEAD)) {
            throw new ForbiddenException("error.forbidden");
        }
        if (e.getState() != EvaluationState.SELF_DRAFT) {
            throw new ConflictException(
                    "evaluation.error.not-editable", e.getState().name());
        }
        Map<String, ManualEntry> manual = validSheet(p, sheet);
        EvaluationView before = view(p, e, unit);
        e.manual(Phase.SELF, scoring.write(manual));
        rescore(p, unit, e, manual);
        evaluations.flush();
        EvaluationView after = view(p, e, unit);
        audit.updated("Evaluation", e.getId(), unit.name(), e.getUnitPath(), before, after);
        return after;
    }

    /** An expert's own independent sheet at the level the file is being scored at. */
    @Transactional
    public EvaluationDetail.Sheet expertScore(String projectCode, String unitCode, ScoreSheet sheet) {
        Project p = projects.readable(projectCode);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        Evaluation e = file(p, unit);
        Phase level = projects.requireGroupMember(p, e);
        DudaoUser user = Access.currentUser();
        Map<String, ManualEntry> manual = validSheet(p, sheet);
        Problems problems = new Problems();
        problems.maxLength("comment", sheet.comment(), 2000);
        problems.maxLength("findings", sheet.findings(), 4000);
        evidence.checkSheet(unit, sheet, problems);
        problems.throwIfAny();
        ExpertScore s = expertScores
                .findByEvaluationIdAndLevelAndUsername(e.getId(), level, user.username())
                .orElseGet(() -> new ExpertScore(e.getId(), level, user.username()));
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
        s.record(scoring.write(manual), trim(sheet.comment()), trim(sheet.findings()), files, Instant.now(clock));
        expertScores.saveAndFlush(s);
        EvaluationDetail.Sheet view = new EvaluationDetail.Sheet(
                level.name(), user.username(), manual, s.getComment(), s.getFindings(), ids(files), s.getSubmittedAt());
        if (created) {
            audit.created("ExpertScore", s.getId(), unit.name(), e.getUnitPath(), view);
        } else {
            audit.updated("ExpertScore", s.getId(), unit.name(), e.getUnitPath(), before, manual);
        }
        return view;
    }

    // ---- transitions --------------------------------------------------------------------------------------

    /** Applies one step of the workflow; refused steps answer 409 with the reason. */
    @Transactional
    public EvaluationView transition(String projectCode, String unitCode, TransitionRequest request) {
        Project p = projects.readable(projectCode);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        Evaluation e = file(p, unit);
        Action action = Action.parse(request == null ? null : request.action())
                .orElseThrow(() -> InvalidInputException.of("action", "evaluation.error.action"));
        String reason = request.reason() == null ? null : request.reason().trim();
        if (reason != null && reason.length() > 2000) {
            throw InvalidInputException.of("reason", "error.too-long", 2000);
        }
        EvaluationState from = e.getState();
        EvaluationView before = view(p, e, unit);
        Map<String, ManualEntry> consolidated = null;
        ScoreResult r;
        if (action == Action.SCORE && from.scoringLevel() != null) {
            consolidated = consolidate(p, e, from.scoringLevel(), request.manual());
            if (request.manual() != null && (reason == null || reason.isBlank())) {
                throw InvalidInputException.of("reason", "evaluation.error.agreed-reason");
            }
            r = scoring.score(p, unit, consolidated == null ? Map.of() : consolidated);
        } else {
            r = scoring.score(p, unit, scoring.read(e.currentManual()));
        }
        Workflow.Facts facts = facts(p, e, unit, r);
        if (action == Action.SCORE) {
            facts = new Workflow.Facts(
                    facts.viaTownship(),
                    facts.cityApproves(),
                    facts.withinDeadline(),
                    facts.passed(),
                    consolidated != null
                            && r.unscored().isEmpty()
                            && r.problems().isEmpty(),
                    facts.publicityOver(),
                    facts.openObjections());
        }
        EvaluationState to;
        try {
            to = e.apply(action, hats(p, e), facts, reason, Instant.now(clock));
        } catch (TransitionRefused refused) {
            throw new ConflictException(refused.getMessage(), refused.args());
        }
        Instant now = Instant.now(clock);
        if (consolidated != null) {
            e.manual(from.scoringLevel(), scoring.write(consolidated));
            e.note(request.manual() != null ? reason : null);
        }
        rescore(p, unit, e, scoring.read(e.currentManual()));
        if (to == EvaluationState.PUBLICITY) {
            e.publishUntil(now.plus(Duration.ofDays(p.getPublicityDays())));
        }
        if (to == EvaluationState.CERTIFIED) {
            // numbered per owner and year, across that owner's projects of the year
            OrgUnitRef owner = orgUnits.refs(List.of(p.getOrgUnitId())).get(p.getOrgUnitId());
            String prefix = "%s-%d-".formatted(owner.code(), p.getYear());
            e.certify(prefix + "%03d".formatted(evaluations.countNumbered(prefix) + 1), now);
        }
        e.announceResult(() -> finalized(p, unit, e));
        evaluations.saveAndFlush(e); // publishes the result; rectification drafts its items after the commit
        steps.save(new ReviewStep(
                e.getId(), action, from, to, Access.currentUsername(), reason, e.getTotal(), e.getGrade(), now));
        EvaluationView after = view(p, e, unit);
        audit.updated("Evaluation", e.getId(), unit.name(), e.getUnitPath(), before, after);
        return after;
    }

    /** The project owner lets one school apply after the deadline. */
    @Transactional
    public EvaluationView extend(String projectCode, String unitCode, String until) {
        Project p = projects.readable(projectCode);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        Evaluation e = file(p, unit);
        Projects.requireManager(p.getOwnerPath());
        LocalDate date;
        try {
            date = LocalDate.parse(until == null ? "" : until.trim());
        } catch (java.time.format.DateTimeParseException ex) {
            throw InvalidInputException.of("until", "evaluation.error.date-format");
        }
        if (!date.isAfter(p.getDeadline())) {
            throw InvalidInputException.of("until", "evaluation.error.extension-before-deadline");
        }
        EvaluationView before = view(p, e, unit);
        LocalDate old = e.getExtendedTo();
        e.extend(date);
        evaluations.flush();
        audit.updated(
                "Evaluation",
                e.getId(),
                unit.name(),
                e.getUnitPath(),
                Map.of("extendedTo", String.valueOf(old)),
                Map.of("extendedTo", date.toString()));
        return view(p, e, unit);
    }

    // ---- 公示 and objections -------------------------------------------------------------------------------

    /** The files of a project under 公示, for the public page (no login). */
    @Transactional(readOnly = true)
    public List<PublicEntry> publicity(String projectCode) {
        Project p = projects.published(projectCode);
        List<Evaluation> files = evaluations.findByProjectIdOrderByIdAsc(p.getId()).stream()
                .filter(e -> e.getState() == EvaluationState.PUBLICITY)
                .toList();
        Map<Long, OrgUnitRef> refs =
                orgUnits.refs(files.stream().map(Evaluation::getOrgUnitId).toList());
        Instant now = Instant.now(clock);
        return files.stream()
                .map(e -> {
                    OrgUnitRef u = refs.get(e.getOrgUnitId());
                    return new PublicEntry(
                            e.getId(),
                            u.code(),
                            u.name(),
                            u.kind().label(),
                            e.getTotal(),
                            e.getGrade(),
                            e.getPublicityUntil(),
                            now.isBefore(e.getPublicityUntil()));
                })
                .toList();
    }

    /** The public project heading. */
    @Transactional(readOnly = true)
    public PublicProject publicProject(String projectCode) {
        Project p = projects.published(projectCode);
        OrgUnitRef owner = orgUnits.refs(List.of(p.getOrgUnitId())).get(p.getOrgUnitId());
        return new PublicProject(p.getCode(), p.getName(), p.getYear(), owner.name(), p.getPublicityDays());
    }

    /** Anyone may object while the file is under 公示 (no login). */
    @Transactional
    public ObjectionView object(String projectCode, Long evaluationId, String body, String contact) {
        Project p = projects.published(projectCode);
        Evaluation e =
                evaluationId == null ? null : evaluations.findById(evaluationId).orElse(null);
        if (e == null || !e.getProjectId().equals(p.getId()) || e.getState() != EvaluationState.PUBLICITY) {
            throw new NotFoundException("evaluation " + evaluationId);
        }
        if (!Instant.now(clock).isBefore(e.getPublicityUntil())) {
            throw new ConflictException("evaluation.error.publicity-over");
        }
        Problems problems = new Problems();
        if (problems.required("body", body)) {
            problems.maxLength("body", body.trim(), 2000);
        }
        problems.maxLength("contact", contact, 200);
        problems.throwIfAny();
        Objection o = objections.saveAndFlush(new Objection(e.getId(), body.trim(), trim(contact), Instant.now(clock)));
        ObjectionView view = view(o, false);
        audit.created("Objection", o.getId(), "objection", e.getUnitPath(), view);
        return view;
    }

    /** The owner (or the approving body) answers an objection. */
    @Transactional
    public ObjectionView answer(String projectCode, String unitCode, Long objectionId, String answer) {
        Project p = projects.readable(projectCode);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        Evaluation e = file(p, unit);
        Objection o =
                objectionId == null ? null : objections.findById(objectionId).orElse(null);
        if (o == null || !o.getEvaluationId().equals(e.getId())) {
            throw new NotFoundException("objection " + objectionId);
        }
        Set<Hat> hats = hats(p, e);
        if (hats.stream()
                .noneMatch(h ->
                        h == Hat.COUNTY_OWNER || h == Hat.CITY_OWNER || h == Hat.COUNTY_BODY || h == Hat.CITY_BODY)) {
            throw new ForbiddenException("error.forbidden");
        }
        if (!o.open()) {
            throw new ConflictException("evaluation.error.answered");
        }
        Problems problems = new Problems();
        if (problems.required("answer", answer)) {
            problems.maxLength("answer", answer.trim(), 2000);
        }
        problems.throwIfAny();
        ObjectionView before = view(o, true);
        o.answer(answer.trim(), Access.currentUsername(), Instant.now(clock));
        objections.flush();
        ObjectionView after = view(o, true);
        audit.updated("Objection", o.getId(), unit.name(), e.getUnitPath(), before, after);
        return after;
    }

    // ---- certificate --------------------------------------------------------------------------------------

    /** What the certificate and result notice print. */
    @Transactional(readOnly = true)
    public Certificate certificate(String projectCode, String unitCode) {
        Project p = projects.readable(projectCode);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        Evaluation e = file(p, unit);
        if (e.getState() != EvaluationState.CERTIFIED) {
            throw new ConflictException("evaluation.error.not-certified");
        }
        OrgUnitRef owner = orgUnits.refs(List.of(p.getOrgUnitId())).get(p.getOrgUnitId());
        return new Certificate(
                p.getName(),
                p.getYear(),
                unit.name(),
                unit.kind().label(),
                e.getTotal(),
                e.getGrade(),
                e.getCertificateNo(),
                e.getCertifiedAt(),
                owner.name());
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private EvaluationFinalized finalized(Project p, OrgUnitRef unit, Evaluation e) {
        boolean certified = e.getState() == EvaluationState.CERTIFIED;
        return new EvaluationFinalized(
                p.getCode(),
                p.getName(),
                unit.id(),
                unit.code(),
                e.getUnitPath(),
                p.getYear(),
                e.getTotal(),
                e.getGrade(),
                certified,
                certified ? List.of() : scoring.shortfalls(p, unit, scoring.read(e.currentManual())));
    }

    private Evaluation file(Project p, OrgUnitRef unit) {
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
                hats.add(g.getLevel() == Phase.COUNTY ? Hat.COUNTY_LEADER : Hat.CITY_LEADER);
            }
        }
        return hats;
    }

    private Workflow.Facts facts(Project p, Evaluation e, OrgUnitRef unit, ScoreResult r) {
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
        return new Workflow.Facts(
                place.township() != null,
                CITY_APPROVES.contains(unit.kind()),
                !today.isAfter(due),
                scoring.passed(p, r.grade()),
                false,
                publicityOver,
                (int) open);
    }

    /**
     * The consolidated sheet of a level: the agreed sheet when given, else the mean of the experts' sheets per
     * indicator (reasons joined); null when no expert has scored yet.
     */
    private Map<String, ManualEntry> consolidate(
            Project p, Evaluation e, Phase level, Map<String, ManualEntry> agreed) {
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

    private Map<String, ManualEntry> validSheet(Project p, ScoreSheet sheet) {
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
                manual.put(code, new ManualEntry(entry.score(), trim(entry.reason())));
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

    private void rescore(Project p, OrgUnitRef unit, Evaluation e, Map<String, ManualEntry> manual) {
        ScoreResult r = scoring.score(p, unit, manual);
        e.scored(r.total(), r.grade(), scoring.vetoes(r), Instant.now(clock));
    }

    private EvaluationView view(Project p, Evaluation e, OrgUnitRef u) {
        return view(p, e, u, orgUnits.refs(List.of(u.parentId())).get(u.parentId()));
    }

    private EvaluationView view(Project p, Evaluation e, OrgUnitRef u, OrgUnitRef parent) {
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
                p.overdue(e.getState(), LocalDate.now(clock)));
    }

    private List<ObjectionView> objectionViews(Evaluation e, boolean staff) {
        return objections.findByEvaluationIdOrderByIdAsc(e.getId()).stream()
                .map(o -> view(o, staff))
                .toList();
    }

    private static ObjectionView view(Objection o, boolean staff) {
        return new ObjectionView(
                o.getId(),
                o.getBody(),
                staff ? o.getContact() : null,
                o.getSubmittedAt(),
                o.getAnswer(),
                o.getAnsweredBy(),
                o.getAnsweredAt());
    }

    private static List<Long> ids(String text) {
        return text == null || text.isBlank()
                ? List.of()
                : Arrays.stream(text.split(",")).map(Long::valueOf).toList();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A school under 公示 as the public page lists it. */
    public record PublicEntry(
            Long id,
            String orgUnit,
            String name,
            String kind,
            Double total,
            String grade,
            Instant until,
            boolean open) {}

    public record PublicProject(String code, String name, int year, String owner, int publicityDays) {}

    /** The printed certificate (授牌证书) and result notice. */
    public record Certificate(
            String project,
            int year,
            String school,
            String kind,
            Double total,
            String grade,
            String number,
            Instant certifiedAt,
            String issuer) {}
}
