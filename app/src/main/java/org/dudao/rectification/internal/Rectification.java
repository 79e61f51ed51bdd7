package org.dudao.rectification.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.dudao.shared.ConflictException;
import org.dudao.shared.Tracked;

/** 整改事项: one problem of one unit with its plan, deadline, progress and evidence. Owns its status moves. */
@Tracked
@Entity
@Table(name = "rectification")
public class Rectification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String source;
    private String sourceRef;
    private Long orgUnitId;
    private String unitPath;
    private String code;
    private String problem;
    private String requirement;
    private Double pointsLost;

    @Enumerated(EnumType.STRING)
    private ItemStatus status;

    private String plan;
    private LocalDate deadline;
    private String progress;
    private String evidenceIds;
    private String reviewNote;
    private Long noticeId;

    @Version
    private int rowVersion;

    private Instant createdAt;
    private Instant updatedAt;
    private Instant closedAt;

    /** The source of the items drafted from an evaluation file that closed below the top grade. */
    public static final String EVALUATION = org.dudao.rectification.RectificationSource.EVALUATION.name();

    /** The source of the items opened from a finding of an inspector's visit (责任督学). */
    public static final String INSPECTION = org.dudao.rectification.RectificationSource.INSPECTION.name();

    protected Rectification() {}

    Rectification(
            String source,
            String sourceRef,
            Long orgUnitId,
            String unitPath,
            String code,
            String problem,
            String requirement,
            Double pointsLost,
            Instant now) {
        this.source = source;
        this.sourceRef = sourceRef;
        this.orgUnitId = orgUnitId;
        this.unitPath = unitPath;
        this.code = code;
        this.problem = problem;
        this.requirement = requirement;
        this.pointsLost = pointsLost;
        this.status = ItemStatus.PLANNING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** An item another feature opens (an inspection finding), due by the deadline set there. */
    public static Rectification opened(
            String source,
            String sourceRef,
            Long orgUnitId,
            String unitPath,
            String code,
            String problem,
            String requirement,
            LocalDate deadline,
            Instant now) {
        Rectification r =
                new Rectification(source, sourceRef, orgUnitId, unitPath, code, problem, requirement, null, now);
        r.deadline = deadline;
        return r;
    }

    /** The unit files its plan with a deadline: 待制定方案 → 整改中 (a plan may be revised while in progress). */
    public void plan(String text, LocalDate until, Instant now) {
        expect(ItemStatus.PLANNING, ItemStatus.IN_PROGRESS);
        this.plan = text;
        this.deadline = until;
        this.status = ItemStatus.IN_PROGRESS;
        this.updatedAt = now;
    }

    /** The unit reports the work done with evidence: 整改中 → 待复核. */
    public void report(String text, String evidence, Instant now) {
        expect(ItemStatus.IN_PROGRESS);
        this.progress = text;
        this.evidenceIds = evidence;
        this.status = ItemStatus.REVIEW;
        this.updatedAt = now;
    }

    /** The supervisor accepts: 待复核 → 已销号. */
    public void close(String note, Instant now) {
        expect(ItemStatus.REVIEW);
        this.reviewNote = note;
        this.status = ItemStatus.CLOSED;
        this.closedAt = now;
        this.updatedAt = now;
    }

    /** The supervisor sends it back: 待复核 → 整改中, with the reason. */
    public void reject(String note, Instant now) {
        expect(ItemStatus.REVIEW);
        this.reviewNote = note;
        this.status = ItemStatus.IN_PROGRESS;
        this.updatedAt = now;
    }

    public void noticed(Long notice) {
        this.noticeId = notice;
    }

    public boolean overdue(LocalDate today) {
        return status != ItemStatus.CLOSED && deadline != null && today.isAfter(deadline);
    }

    private void expect(ItemStatus... allowed) {
        for (ItemStatus s : allowed) {
            if (status == s) return;
        }
        throw new ConflictException("rectification.error.state", status.name());
    }

    public Long getId() {
        return id;
    }

    public String getSource() {
        return source;
    }

    public String getSourceRef() {
        return sourceRef;
    }

    public Long getOrgUnitId() {
        return orgUnitId;
    }

    public String getUnitPath() {
        return unitPath;
    }

    public String getCode() {
        return code;
    }

    public String getProblem() {
        return problem;
    }

    public String getRequirement() {
        return requirement;
    }

    public Double getPointsLost() {
        return pointsLost;
    }

    public ItemStatus getStatus() {
        return status;
    }

    public String getPlan() {
        return plan;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public String getProgress() {
        return progress;
    }

    public String getEvidenceIds() {
        return evidenceIds;
    }

    public String getReviewNote() {
        return reviewNote;
    }

    public Long getNoticeId() {
        return noticeId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
