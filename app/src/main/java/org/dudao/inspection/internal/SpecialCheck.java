package org.dudao.inspection.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.dudao.shared.ConflictException;

/**
 * The check of one school in a special inspection: OPEN while the inspector records, SUBMITTED with its result;
 * a failed 回头看 is re-checked once (RECHECKED), and only a failed re-check lets the office revoke the plaque.
 */
@Entity
@Table(name = "special_check")
public class SpecialCheck {

    public static final String OPEN = "OPEN";
    public static final String SUBMITTED = "SUBMITTED";
    public static final String RECHECKED = "RECHECKED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long inspectionId;
    private Long schoolId;
    private String schoolPath;
    private Long inspectorId;
    private boolean crossZone;
    private String status;
    private Boolean passed;
    private Double score;
    private String summary;
    private String submittedBy;
    private Instant submittedAt;
    private Boolean recheckPassed;
    private String recheckNote;
    private String recheckedBy;
    private Instant recheckedAt;

    @Version
    private int rowVersion;

    protected SpecialCheck() {}

    public SpecialCheck(Long inspectionId, Long schoolId, String schoolPath, Long inspectorId) {
        this.inspectionId = inspectionId;
        this.schoolId = schoolId;
        this.schoolPath = schoolPath;
        this.inspectorId = inspectorId;
        this.status = OPEN;
    }

    /** The office hands the check to another inspector; cross-zone when not the school's responsible one. */
    public void assign(Long inspector, boolean outsideZone) {
        expect(OPEN);
        this.inspectorId = inspector;
        this.crossZone = outsideZone;
    }

    public void expectOpen() {
        expect(OPEN);
    }

    public void submit(boolean pass, Double total, String text, String username, Instant now) {
        expect(OPEN);
        this.passed = pass;
        this.score = total;
        this.summary = text;
        this.submittedBy = username;
        this.submittedAt = now;
        this.status = SUBMITTED;
    }

    /** The inspector's re-check of a failed school once its rectification is reported. */
    public void recheck(boolean pass, String note, String username, Instant now) {
        expect(SUBMITTED);
        if (!Boolean.FALSE.equals(passed)) throw new ConflictException("inspection.error.recheck-passed");
        this.recheckPassed = pass;
        this.recheckNote = note;
        this.recheckedBy = username;
        this.recheckedAt = now;
        this.status = RECHECKED;
    }

    /** Failed the check and then the re-check: the plaque may be revoked. */
    public boolean failedTwice() {
        return RECHECKED.equals(status) && Boolean.FALSE.equals(recheckPassed);
    }

    private void expect(String wanted) {
        if (!wanted.equals(status)) throw new ConflictException("inspection.error.check-status", status);
    }

    public Long getId() {
        return id;
    }

    public Long getInspectionId() {
        return inspectionId;
    }

    public Long getSchoolId() {
        return schoolId;
    }

    public String getSchoolPath() {
        return schoolPath;
    }

    public Long getInspectorId() {
        return inspectorId;
    }

    public boolean isCrossZone() {
        return crossZone;
    }

    public String getStatus() {
        return status;
    }

    public Boolean getPassed() {
        return passed;
    }

    public Double getScore() {
        return score;
    }

    public String getSummary() {
        return summary;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Boolean getRecheckPassed() {
        return recheckPassed;
    }

    public String getRecheckNote() {
        return recheckNote;
    }

    public String getRecheckedBy() {
        return recheckedBy;
    }

    public Instant getRecheckedAt() {
        return recheckedAt;
    }

    public int getRowVersion() {
        return rowVersion;
    }
}
