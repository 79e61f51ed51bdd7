package org.dudao.cases.internal;

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

/**
 * 案件: one reported problem of one unit, on a clock of working days that starts at intake. Owns its moves; a
 * return (退回) or reassignment never touches {@code due}, only an approved extension (延期) does.
 */
@Entity
@Table(name = "case_file")
public class Case {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String channel;
    private String category;
    private String description;
    private String reporterName;
    private String reporterPhone;
    private boolean anonymous;
    private String address;
    private Double latitude;
    private Double longitude;
    private String evidenceIds;
    private Long orgUnitId;
    private String unitPath;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    private Instant receivedAt;
    private LocalDate receivedOn;
    private LocalDate due;
    private boolean calendarMissing;
    private String answer;
    private String answerEvidence;
    private Boolean satisfied;
    private boolean calledBack;
    private LocalDate closedOn;
    private Long mergedInto;
    private String createdBy;
    private String trackingCode;
    private String reporterEmail;

    @Version
    private int rowVersion;

    protected Case() {}

    Case(
            String channel,
            String category,
            String description,
            Reporter reporter,
            Location location,
            String evidenceIds,
            Long orgUnitId,
            String unitPath,
            Instant receivedAt,
            LocalDate receivedOn,
            LocalDate due,
            boolean calendarMissing,
            String createdBy) {
        this.channel = channel;
        this.category = category;
        this.description = description;
        this.anonymous = reporter.anonymous();
        this.reporterName = reporter.anonymous() ? null : reporter.name();
        this.reporterPhone = reporter.anonymous() ? null : reporter.phone();
        this.address = location.address();
        this.latitude = location.latitude();
        this.longitude = location.longitude();
        this.evidenceIds = evidenceIds;
        this.orgUnitId = orgUnitId;
        this.unitPath = unitPath;
        this.status = CaseStatus.RECEIVED;
        this.receivedAt = receivedAt;
        this.receivedOn = receivedOn;
        this.due = due;
        this.calendarMissing = calendarMissing;
        this.calledBack = false;
        this.createdBy = createdBy;
        this.trackingCode = TrackingCodes.next();
    }

    /** A file the reporter sent along, stored for the case's unit after intake. */
    void attachEvidence(Long id) {
        this.evidenceIds = evidenceIds == null ? String.valueOf(id) : evidenceIds + "," + id;
    }

    /** An e-mail address the reporter left (Open311); hidden from the unit like the name and phone. */
    void reachableBy(String email) {
        if (!anonymous) this.reporterEmail = email;
    }

    /** Who reported it: name and phone optional, or nobody (anonymous). */
    public record Reporter(String name, String phone, boolean anonymous) {}

    /** Where: an address and optionally a position. */
    public record Location(String address, Double latitude, Double longitude) {}

    /** 分派 (or 改派) to a unit; the clock runs on. */
    void assign(Long unitId, String path) {
        expect(CaseStatus.RECEIVED, CaseStatus.ASSIGNED);
        this.orgUnitId = unitId;
        this.unitPath = path;
        this.status = CaseStatus.ASSIGNED;
    }

    /** 处置: the unit's answer with its evidence. */
    void answer(String text, String evidence) {
        expect(CaseStatus.ASSIGNED);
        this.answer = text;
        this.answerEvidence = evidence;
        this.status = CaseStatus.ANSWERED;
    }

    /** 退回: the unit sends an order back to the office (分派 → 受理), or the office an answer back to the unit. */
    void sendBack() {
        expect(CaseStatus.ASSIGNED, CaseStatus.ANSWERED);
        this.status = status == CaseStatus.ASSIGNED ? CaseStatus.RECEIVED : CaseStatus.ASSIGNED;
    }

    /** 核查: the office accepts the answer. */
    void verify() {
        expect(CaseStatus.ANSWERED);
        this.status = CaseStatus.VERIFIED;
    }

    /** 回访: the reporter was called back, satisfied or not. */
    void callback(boolean satisfied) {
        expect(CaseStatus.VERIFIED);
        if (anonymous) throw new ConflictException("cases.error.anonymous-callback");
        this.satisfied = satisfied;
        this.calledBack = true;
        this.status = CaseStatus.CALLED_BACK;
    }

    /** 办结, after the callback (or after verification when nobody can be called back). */
    void close(LocalDate today) {
        expect(CaseStatus.CALLED_BACK, CaseStatus.VERIFIED);
        this.status = CaseStatus.CLOSED;
        this.closedOn = today;
    }

    /** 延期 approved by the office: a later due day. */
    void extend(LocalDate newDue, boolean missing) {
        if (!status.open()) throw new ConflictException("cases.error.state", status.name());
        this.due = newDue;
        this.calendarMissing |= missing;
    }

    /** 合并 into an earlier case of which this one is a duplicate. */
    void mergeInto(Long earlier) {
        if (!status.open()) throw new ConflictException("cases.error.state", status.name());
        this.mergedInto = earlier;
        this.status = CaseStatus.MERGED;
    }

    public boolean overdue(LocalDate today) {
        return status.open() && today.isAfter(due);
    }

    private void expect(CaseStatus... allowed) {
        for (CaseStatus s : allowed) {
            if (status == s) return;
        }
        throw new ConflictException("cases.error.state", status.name());
    }

    public Long getId() {
        return id;
    }

    public String getChannel() {
        return channel;
    }

    public String getCategory() {
        return category;
    }

    public String getDescription() {
        return description;
    }

    public String getReporterName() {
        return reporterName;
    }

    public String getReporterPhone() {
        return reporterPhone;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public String getAddress() {
        return address;
    }

    public Double getLatitude() {
        return latitude;
    }

    public Double getLongitude() {
        return longitude;
    }

    public String getEvidenceIds() {
        return evidenceIds;
    }

    public Long getOrgUnitId() {
        return orgUnitId;
    }

    public String getUnitPath() {
        return unitPath;
    }

    public CaseStatus getStatus() {
        return status;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public LocalDate getDue() {
        return due;
    }

    public boolean isCalendarMissing() {
        return calendarMissing;
    }

    public String getAnswer() {
        return answer;
    }

    public String getAnswerEvidence() {
        return answerEvidence;
    }

    public Boolean getSatisfied() {
        return satisfied;
    }

    public boolean isCalledBack() {
        return calledBack;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public Long getMergedInto() {
        return mergedInto;
    }

    public String getTrackingCode() {
        return trackingCode;
    }

    public String getReporterEmail() {
        return reporterEmail;
    }

    public int getRowVersion() {
        return rowVersion;
    }
}
