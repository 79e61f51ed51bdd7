package org.dudao.evaluation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.audit.AuditLog;
import org.dudao.engine.ScoreResult;
import org.dudao.evaluation.EvaluationFinalized;
import org.dudao.evaluation.EvaluationState;
import org.dudao.evaluation.EvaluationView;
import org.dudao.evaluation.ManualEntry;
import org.dudao.evaluation.Phase;
import org.dudao.evaluation.TransitionRequest;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.IssuingOffices;
import org.dudao.shared.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a file's workflow: the {@link Evaluation} aggregate checks them against {@link Workflow}; this
 * service gathers the facts, consolidates the level's sheets, rescores, keeps the step history and saves (which
 * publishes {@link EvaluationFinalized}). Also the owner's deadline extension.
 */
@Service
public class Transitions {

    private final ProjectScope projects;
    private final EvaluationFiles files;
    private final ScoreSheets sheets;
    private final EvaluationRepository evaluations;
    private final ReviewStepRepository steps;
    private final EvaluationScoring scoring;
    private final OrgUnits orgUnits;
    private final IssuingOffices offices;
    private final SelfReports reports;
    private final AuditLog audit;
    private final Clock clock;

    Transitions(
            ProjectScope projects,
            EvaluationFiles files,
            ScoreSheets sheets,
            EvaluationRepository evaluations,
            ReviewStepRepository steps,
            EvaluationScoring scoring,
            OrgUnits orgUnits,
            IssuingOffices offices,
            SelfReports reports,
            AuditLog audit,
            Clock clock) {
        this.offices = offices;
        this.reports = reports;
        this.projects = projects;
        this.files = files;
        this.sheets = sheets;
        this.evaluations = evaluations;
        this.steps = steps;
        this.scoring = scoring;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.clock = clock;
    }

    /** Applies one step of the workflow; refused steps answer 409 with the reason. */
    @Transactional
    public EvaluationView transition(String projectCode, String unitCode, TransitionRequest request) {
        Project p = projects.readable(projectCode);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        Evaluation e = files.file(p, unit);
        Action action = Action.parse(request == null ? null : request.action())
                .orElseThrow(() -> InvalidInputException.of("action", "evaluation.error.action"));
        Set<Hat> hats = files.hats(p, e);
        if (hats.isEmpty()) {
            throw new ForbiddenException("error.forbidden"); // no part in this school's workflow at all
        }
        String reason = request.reason() == null ? null : request.reason().trim();
        if (reason != null && reason.length() > 2000) {
            throw InvalidInputException.of("reason", "error.too-long", 2000);
        }
        EvaluationState from = e.getState();
        EvaluationView before = files.view(p, e, unit);
        Map<String, ManualEntry> consolidated = action == Action.SCORE ? consolidated(p, e, request, reason) : null;
        Instant now = Instant.now(clock);
        EvaluationState to;
        try {
            to = e.apply(action, hats, facts(p, e, unit, action, consolidated), reason, now);
        } catch (TransitionRefused refused) {
            // a step outside the user's capacities is a missing right (403), not a conflict naming the role
            if (refused.forRole()) throw new ForbiddenException("error.forbidden");
            throw new ConflictException(refused.getMessage(), refused.args());
        }
        if (action == Action.SUBMIT && from.phase() == Phase.SELF) {
            reports.requireTopicReports(p, unit, e); // 专题报告 before a 督政 self-evaluation leaves the unit
        }
        if (consolidated != null) {
            e.manual(from.scoringLevel(), scoring.write(consolidated));
            e.note(request.manual() != null ? reason : null);
        }
        files.rescore(p, unit, e, scoring.read(e.currentManual()));
        settle(p, unit, e, to, now);
        e.announceResult(() -> finalized(p, unit, e));
        evaluations.saveAndFlush(e); // publishes the result; rectification drafts its items after the commit
        steps.save(new ReviewStep(
                e.getId(), action, from, to, Access.currentUsername(), reason, e.getTotal(), e.getGrade(), now));
        EvaluationView after = files.view(p, e, unit);
        audit.updated("Evaluation", e.getId(), unit.name(), e.getUnitPath(), before, after);
        return after;
    }

    /** The sheet a "score" consolidates at the file's level (the agreed one needs a reason); null if none. */
    private Map<String, ManualEntry> consolidated(Project p, Evaluation e, TransitionRequest request, String reason) {
        Phase level = e.getState().scoringLevel();
        if (level == null) {
            return null;
        }
        Map<String, ManualEntry> sheet = sheets.consolidate(p, e, level, request.manual());
        if (request.manual() != null && (reason == null || reason.isBlank())) {
            throw InvalidInputException.of("reason", "evaluation.error.agreed-reason");
        }
        return sheet;
    }

    /** The facts of the file; for "score" from the consolidated sheet, which must be complete. */
    private Workflow.Facts facts(
            Project p, Evaluation e, OrgUnitRef unit, Action action, Map<String, ManualEntry> consolidated) {
        if (action != Action.SCORE) {
            return files.facts(p, e, unit, scoring.score(p, unit, scoring.read(e.currentManual())));
        }
        if (e.getState().scoringLevel() == null) {
            return files.facts(p, e, unit, scoring.score(p, unit, scoring.read(e.currentManual())))
                    .withScoresReady(false);
        }
        ScoreResult r = scoring.score(p, unit, consolidated == null ? Map.of() : consolidated);
        return files.facts(p, e, unit, r)
                .withScoresReady(consolidated != null
                        && r.unscored().isEmpty()
                        && r.problems().isEmpty());
    }

    /** What the new state brings: the end of 公示, or the plaque's number and the approving body's 文号. */
    private void settle(Project p, OrgUnitRef unit, Evaluation e, EvaluationState to, Instant now) {
        int year = LocalDate.ofInstant(now, clock.getZone()).getYear();
        if (to == EvaluationState.PUBLICITY) {
            e.publishUntil(now.plus(
                    Duration.ofDays(p.reviewChain().approving(unit.kind()).publicityDays())));
            if (p.getPublicityNumber() == null) {
                OrgUnitRef owner = orgUnits.refs(List.of(p.getOrgUnitId())).get(p.getOrgUnitId());
                p.publicityIssued(
                        offices.nextNumber(owner.code(), owner.name(), year),
                        offices.signature(owner.code(), owner.name()),
                        now);
            }
        }
        if (to == EvaluationState.CERTIFIED) {
            // numbered per owner and year, across that owner's projects of the year
            OrgUnitRef owner = orgUnits.refs(List.of(p.getOrgUnitId())).get(p.getOrgUnitId());
            String prefix = "%s-%d-".formatted(owner.code(), p.getYear());
            OrgUnitRef body = approvingBody(p, unit, e, owner);
            e.certify(
                    prefix + "%03d".formatted(evaluations.countNumbered(prefix) + 1),
                    offices.nextNumber(body.code(), body.name(), year),
                    offices.signature(body.code(), body.name()),
                    now);
        }
    }

    /**
     * The office that awards the plaque: the approving level's (in standardization the city's for 初中 and combined
     * schools), the project owner when that is the county level or the owner itself.
     */
    private OrgUnitRef approvingBody(Project p, OrgUnitRef unit, Evaluation e, OrgUnitRef owner) {
        Phase level = p.reviewChain().approving(unit.kind()).phase();
        String at =
                level == Phase.COUNTY ? null : projects.place(e.getUnitPath()).at(level);
        if (at == null || at.equals(owner.path())) {
            return owner;
        }
        String[] ids = at.split("/");
        Long id = Long.valueOf(ids[ids.length - 1]);
        return orgUnits.refs(List.of(id)).get(id);
    }

    /** The project owner lets one school apply after the deadline. */
    @Transactional
    public EvaluationView extend(String projectCode, String unitCode, String until) {
        Project p = projects.readable(projectCode);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        Evaluation e = files.file(p, unit);
        ProjectScope.requireManager(p.getOwnerPath());
        LocalDate date;
        try {
            date = LocalDate.parse(until == null ? "" : until.trim());
        } catch (java.time.format.DateTimeParseException ex) {
            throw InvalidInputException.of("until", "evaluation.error.date-format");
        }
        Problems range = new Problems();
        range.saneDate("until", date);
        range.throwIfAny();
        if (!date.isAfter(p.getDeadline())) {
            throw InvalidInputException.of("until", "evaluation.error.extension-before-deadline");
        }
        EvaluationView before = files.view(p, e, unit);
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
        return files.view(p, e, unit);
    }

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
}
