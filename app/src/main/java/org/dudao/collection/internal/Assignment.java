package org.dudao.collection.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.dudao.shared.ConflictException;

/**
 * One unit's part of a collection task. Owns its workflow: drafts while editable, submit locks the data, the
 * reviewer approves or returns it with a reason; a returned form is edited and submitted again.
 */
@Entity
@Table(name = "collection_assignment")
public class Assignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long taskId;
    private Long orgUnitId;

    @Enumerated(EnumType.STRING)
    private AssignmentStatus status;

    private String returnReason;
    private String explanation;
    private String savedBy;
    private Instant savedAt;
    private String submittedBy;
    private Instant submittedAt;
    private String reviewedBy;
    private Instant reviewedAt;

    @Version
    private int version;

    protected Assignment() {}

    Assignment(Long taskId, Long orgUnitId) {
        this.taskId = taskId;
        this.orgUnitId = orgUnitId;
        this.status = AssignmentStatus.NOT_STARTED;
    }

    /** A draft save: 未填报 → 填报中; a returned form stays 退回修改 until it is submitted again. */
    void saveDraft(String by, Instant at) {
        requireEditable();
        if (status == AssignmentStatus.NOT_STARTED) {
            status = AssignmentStatus.IN_PROGRESS;
        }
        savedBy = by;
        savedAt = at;
    }

    void submit(String by, Instant at, String explanation) {
        requireEditable();
        status = AssignmentStatus.SUBMITTED;
        this.explanation = explanation;
        savedBy = by;
        savedAt = at;
        submittedBy = by;
        submittedAt = at;
    }

    void approve(String by, Instant at) {
        if (status != AssignmentStatus.SUBMITTED) {
            throw new ConflictException("collection.error.approve-state");
        }
        status = AssignmentStatus.APPROVED;
        reviewedBy = by;
        reviewedAt = at;
    }

    void returnForChanges(String reason, String by, Instant at) {
        if (!AssignmentStatus.LOCKED.contains(status)) {
            throw new ConflictException("collection.error.return-state");
        }
        status = AssignmentStatus.RETURNED;
        returnReason = reason;
        reviewedBy = by;
        reviewedAt = at;
    }

    private void requireEditable() {
        if (!status.editable()) {
            throw new ConflictException("collection.error.locked");
        }
    }

    public Long getId() {
        return id;
    }

    public Long getTaskId() {
        return taskId;
    }

    public Long getOrgUnitId() {
        return orgUnitId;
    }

    public AssignmentStatus getStatus() {
        return status;
    }

    public String getReturnReason() {
        return returnReason;
    }

    public String getExplanation() {
        return explanation;
    }

    public String getSavedBy() {
        return savedBy;
    }

    public Instant getSavedAt() {
        return savedAt;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public int getVersion() {
        return version;
    }
}
