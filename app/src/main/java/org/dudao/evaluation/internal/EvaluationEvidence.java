package org.dudao.evaluation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dudao.audit.AuditLog;
import org.dudao.evaluation.EvaluationState;
import org.dudao.evidence.EvidenceStore;
import org.dudao.evidence.EvidenceView;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence of an evaluation file, kept in the collection module's store (unit + project year): the school's
 * files per manual indicator of its self-evaluation, and the experts' on-site photos (现场照片), which only
 * members of the group now scoring the school may add.
 */
@Service
public class EvaluationEvidence {

    static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png");
    /** Files one sheet may name (the ids are stored in one column of 500 characters). */
    static final int MAX_FILES = 40;

    private final ProjectScope projects;
    private final EvaluationRepository evaluations;
    private final IndicatorEvidenceRepository links;
    private final EvaluationScoring scoring;
    private final EvidenceStore store;
    private final OrgUnits orgUnits;
    private final AuditLog audit;

    EvaluationEvidence(
            ProjectScope projects,
            EvaluationRepository evaluations,
            IndicatorEvidenceRepository links,
            EvaluationScoring scoring,
            EvidenceStore store,
            OrgUnits orgUnits,
            AuditLog audit) {
        this.projects = projects;
        this.evaluations = evaluations;
        this.links = links;
        this.scoring = scoring;
        this.store = store;
        this.orgUnits = orgUnits;
        this.audit = audit;
    }

    /** The school's self-evaluation files per manual indicator. */
    @Transactional(readOnly = true)
    public Map<String, List<EvidenceView>> selfEvidence(String projectCode, String unitCode) {
        Project p = projects.readable(projectCode);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        Evaluation e = evaluations.fileOf(p, unit);
        Map<Long, String> indicatorOf = links.findByEvaluationIdOrderByIdAsc(e.getId()).stream()
                .collect(Collectors.toMap(IndicatorEvidence::getEvidenceId, IndicatorEvidence::getIndicator));
        Map<String, List<EvidenceView>> result = new LinkedHashMap<>();
        for (EvidenceView v : store.list(unit.code(), p.period(), null, null)) {
            String indicator = indicatorOf.get(v.id());
            if (indicator != null) {
                result.computeIfAbsent(indicator, k -> new java.util.ArrayList<>())
                        .add(v);
            }
        }
        return result;
    }

    /** The school attaches a file to one manual indicator of its self-evaluation, while the file is a draft. */
    @Transactional
    public EvidenceView attach(
            String projectCode, String unitCode, String indicator, InputStream content, String fileName)
            throws IOException {
        Project p = projects.readable(projectCode);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        Evaluation e = selfDraft(p, unit);
        if (indicator == null || !scoring.scheme(p).manualIndicators().contains(indicator)) {
            throw InvalidInputException.of("indicator", "evaluation.error.not-manual", indicator);
        }
        EvidenceView v = store.upload(content, fileName, unit.code(), p.period(), null, null);
        IndicatorEvidence link = links.saveAndFlush(new IndicatorEvidence(e.getId(), indicator, v.id()));
        audit.created(
                "EvaluationEvidence",
                link.getId(),
                v.fileName(),
                e.getUnitPath(),
                Map.of("indicator", indicator, "evidence", v.id()));
        return v;
    }

    /** The school removes a self-evaluation file, while the file is a draft. */
    @Transactional
    public void detach(String projectCode, String unitCode, Long evidenceId) {
        Project p = projects.readable(projectCode);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        Evaluation e = selfDraft(p, unit);
        IndicatorEvidence link = links.findByEvaluationIdAndEvidenceId(e.getId(), evidenceId)
                .orElseThrow(() -> new NotFoundException("evidence " + evidenceId));
        links.delete(link);
        links.flush();
        audit.deleted(
                "EvaluationEvidence",
                link.getId(),
                String.valueOf(evidenceId),
                e.getUnitPath(),
                Map.of("indicator", link.getIndicator(), "evidence", evidenceId));
        store.delete(evidenceId);
    }

    /** A member of the group now scoring the school adds an on-site photo to the school's evidence. */
    @Transactional
    public EvidenceView photo(String projectCode, String unitCode, InputStream content, String fileName)
            throws IOException {
        Project p = projects.readable(projectCode);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        projects.requireGroupMember(p, evaluations.fileOf(p, unit));
        return store.uploadPhoto(content, fileName, unit.code(), p.period());
    }

    /** The photos of the project year the current user took of the school, for their sheet. */
    @Transactional(readOnly = true)
    public List<EvidenceView> myPhotos(String projectCode, String unitCode) {
        Project p = projects.readable(projectCode);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        return store.list(unit.code(), p.period(), null, null).stream()
                .filter(v -> PHOTO_TYPES.contains(v.contentType()))
                .filter(v -> Access.currentUsername().equals(v.uploadedBy()))
                .toList();
    }

    /** The files a sheet names, as they are stored (for thumbnails and links). */
    @Transactional(readOnly = true)
    public Map<Long, EvidenceView> files(String unitCode) {
        return store.list(unitCode, null, null, null).stream()
                .collect(Collectors.toMap(EvidenceView::id, Function.identity()));
    }

    /**
     * The evidence rules of an expert sheet: every id is a file of the evaluated school, and on-site findings
     * come with at least one photo.
     */
    void checkSheet(OrgUnitRef unit, ScoreSheet sheet, Problems problems) {
        List<Long> ids = sheet.evidence() == null ? List.of() : sheet.evidence();
        Map<Long, EvidenceView> ofSchool = files(unit.code());
        if (ids.size() > MAX_FILES) {
            problems.add("evidence", "evaluation.error.evidence-too-many", MAX_FILES);
            return;
        }
        store.checkOwnedBy(unit.id(), ids, "evidence", problems);
        boolean photo = false;
        for (Long id : ids) {
            EvidenceView v = id == null ? null : ofSchool.get(id);
            photo |= v != null && PHOTO_TYPES.contains(v.contentType());
        }
        if (sheet.findings() != null && !sheet.findings().isBlank() && !photo) {
            problems.add("evidence", "evaluation.error.findings-photo");
        }
    }

    private Evaluation selfDraft(Project p, OrgUnitRef unit) {
        Evaluation e = evaluations.fileOf(p, unit);
        Set<Hat> hats = Hats.of(Access.grants(), projects.place(e.getUnitPath()));
        if (!hats.contains(Hat.SCHOOL_CLERK) && !hats.contains(Hat.SCHOOL_HEAD)) {
            throw new ForbiddenException("error.forbidden");
        }
        if (e.getState() != EvaluationState.SELF_DRAFT) {
            throw new ConflictException(
                    "evaluation.error.not-editable", e.getState().name());
        }
        return e;
    }
}
