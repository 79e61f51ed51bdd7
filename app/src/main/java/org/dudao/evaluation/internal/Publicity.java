package org.dudao.evaluation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.audit.AuditLog;
import org.dudao.evaluation.EvaluationState;
import org.dudao.evaluation.ObjectionView;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.IssuingOffices;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 公示 and the plaque: the public list and its objections (no login), the owner's answers, the certificate. */
@Service
public class Publicity {

    private final ProjectScope projects;
    private final EvaluationFiles files;
    private final EvaluationRepository evaluations;
    private final ObjectionRepository objections;
    private final OrgUnits orgUnits;
    private final IssuingOffices offices;
    private final AuditLog audit;
    private final Clock clock;

    Publicity(
            ProjectScope projects,
            EvaluationFiles files,
            EvaluationRepository evaluations,
            ObjectionRepository objections,
            OrgUnits orgUnits,
            IssuingOffices offices,
            AuditLog audit,
            Clock clock) {
        this.offices = offices;
        this.projects = projects;
        this.files = files;
        this.evaluations = evaluations;
        this.objections = objections;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.clock = clock;
    }

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

    /** Whether the project has a public 公示 page: some school of it is under 公示. */
    @Transactional(readOnly = true)
    public boolean isPublic(String projectCode) {
        return projects.isPublished(projectCode);
    }

    /** The public project heading. */
    @Transactional(readOnly = true)
    public PublicProject publicProject(String projectCode) {
        Project p = projects.published(projectCode);
        OrgUnitRef owner = orgUnits.refs(List.of(p.getOrgUnitId())).get(p.getOrgUnitId());
        return new PublicProject(
                p.getCode(),
                p.getName(),
                p.getYear(),
                owner.name(),
                p.getPublicityDays(),
                p.getPublicityNumber(),
                p.getPublicityIssuer(),
                p.getPublicityIssuedAt(),
                offices.contact(owner.code()));
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
        Objection o = objections.saveAndFlush(
                new Objection(e.getId(), body.trim(), EvaluationFiles.trim(contact), Instant.now(clock)));
        ObjectionView view = files.view(o, false);
        audit.created("Objection", o.getId(), "objection", e.getUnitPath(), view);
        return view;
    }

    /** The owner (or the approving body) answers an objection. */
    @Transactional
    public ObjectionView answer(String projectCode, String unitCode, Long objectionId, String answer) {
        Project p = projects.readable(projectCode);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        Evaluation e = files.file(p, unit);
        Objection o =
                objectionId == null ? null : objections.findById(objectionId).orElse(null);
        if (o == null || !o.getEvaluationId().equals(e.getId())) {
            throw new NotFoundException("objection " + objectionId);
        }
        Set<Hat> hats = files.hats(p, e);
        if (hats.stream()
                .noneMatch(h -> h == Hat.COUNTY_OWNER
                        || h == Hat.CITY_OWNER
                        || h == Hat.PROVINCE_OWNER
                        || h == Hat.COUNTY_BODY
                        || h == Hat.CITY_BODY
                        || h == Hat.PROVINCE_BODY)) {
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
        ObjectionView before = files.view(o, true);
        o.answer(answer.trim(), Access.currentUsername(), Instant.now(clock));
        objections.flush();
        ObjectionView after = files.view(o, true);
        audit.updated("Objection", o.getId(), unit.name(), e.getUnitPath(), before, after);
        return after;
    }

    // ---- certificate --------------------------------------------------------------------------------------

    /** What the certificate and result notice print. */
    @Transactional(readOnly = true)
    public Certificate certificate(String projectCode, String unitCode) {
        Project p = projects.readable(projectCode);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        Evaluation e = files.file(p, unit);
        if (e.getState() != EvaluationState.CERTIFIED) {
            throw new ConflictException("evaluation.error.not-certified");
        }
        OrgUnitRef owner = orgUnits.refs(List.of(p.getOrgUnitId())).get(p.getOrgUnitId());
        return new Certificate(
                p.getName(),
                unit.name(),
                unit.kind().label(),
                e.getTotal(),
                e.getGrade(),
                e.getCertificateNo(),
                e.getCertificateDocNumber(),
                e.getCertifiedAt(),
                e.getCertificateIssuer() != null ? e.getCertificateIssuer() : owner.name());
    }
}
