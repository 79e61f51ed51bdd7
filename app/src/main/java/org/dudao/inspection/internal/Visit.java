package org.dudao.inspection.internal;

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

/** 督导 visit of one inspector to one school; owns its moves through the seven steps. */
@Entity
@Table(name = "inspection_visit")
public class Visit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long inspectorId;
    private Long schoolId;
    private String schoolPath;
    private LocalDate plannedOn;
    private String purpose;
    private String team;
    private String items;

    @Enumerated(EnumType.STRING)
    private VisitStatus status;

    private Instant checkedInAt;
    private String report;
    private String feedback;
    private String acknowledgedBy;
    private Instant acknowledgedAt;
    private String createdBy;

    @Version
    private int rowVersion;

    private Instant createdAt;
    private Instant updatedAt;

    protected Visit() {}

    public Visit(
            Long inspectorId,
            Long schoolId,
            String schoolPath,
            LocalDate plannedOn,
            String purpose,
            String team,
            String items,
            String createdBy,
            Instant now) {
        this.inspectorId = inspectorId;
        this.schoolId = schoolId;
        this.schoolPath = schoolPath;
        this.plannedOn = plannedOn;
        this.purpose = purpose;
        this.team = team;
        this.items = items;
        this.status = VisitStatus.PLANNED;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Arrived at the school: 收集信息 and 现场评估 begin. */
    public void checkIn(Instant now) {
        expect(VisitStatus.PLANNED);
        status = VisitStatus.CHECKED_IN;
        checkedInAt = now;
        updatedAt = now;
    }

    /** A finding is recorded on site only. */
    public void expectOnSite() {
        expect(VisitStatus.CHECKED_IN);
    }

    /** 形成报告并反馈. */
    public void report(String text, String feedbackToSchool, Instant now) {
        expect(VisitStatus.CHECKED_IN);
        report = text;
        feedback = feedbackToSchool;
        status = VisitStatus.REPORTED;
        updatedAt = now;
    }

    /** The head has read the report and the feedback. */
    public void acknowledge(String username, Instant now) {
        expect(VisitStatus.REPORTED);
        acknowledgedBy = username;
        acknowledgedAt = now;
        status = VisitStatus.ACKNOWLEDGED;
        updatedAt = now;
    }

    private void expect(VisitStatus wanted) {
        if (status != wanted) {
            throw new ConflictException("inspection.error.visit-status", status.name());
        }
    }

    public Long getId() {
        return id;
    }

    public Long getInspectorId() {
        return inspectorId;
    }

    public Long getSchoolId() {
        return schoolId;
    }

    public String getSchoolPath() {
        return schoolPath;
    }

    public LocalDate getPlannedOn() {
        return plannedOn;
    }

    public String getPurpose() {
        return purpose;
    }

    public String getTeam() {
        return team;
    }

    public String getItems() {
        return items;
    }

    public VisitStatus getStatus() {
        return status;
    }

    public Instant getCheckedInAt() {
        return checkedInAt;
    }

    public String getReport() {
        return report;
    }

    public String getFeedback() {
        return feedback;
    }

    public String getAcknowledgedBy() {
        return acknowledgedBy;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public int getRowVersion() {
        return rowVersion;
    }
}
