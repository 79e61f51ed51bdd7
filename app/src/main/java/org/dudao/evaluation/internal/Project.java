package org.dudao.evaluation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.dudao.evaluation.EvaluationState;
import org.dudao.shared.Tracked;

/** 评估项目: one year's acceptance of a county (or city), with its scheme version, deadline and quota plan. */
@Tracked
@Entity
@Table(name = "eval_project")
public class Project {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;
    private String name;

    @Column(name = "eval_year")
    private int year;

    private Long orgUnitId;
    private String ownerPath;
    private String schemeCode;
    private Long schemeVersionId;
    private LocalDate deadline;
    private LocalDate countyDeadline;
    private LocalDate cityDeadline;
    private int publicityDays;
    private int quotaPrimary;
    private int quotaSecondary;
    private Long collectionTaskId;
    /** The 公示 as an official notice: 文号, 落款 and date, set when the first school enters 公示. */
    private String publicityNumber;

    private String publicityIssuer;
    private Instant publicityIssuedAt;

    @Version
    private int rowVersion;

    private String createdBy;
    private Instant createdAt;

    protected Project() {}

    public Project(
            String code,
            String name,
            int year,
            Long orgUnitId,
            String ownerPath,
            String schemeCode,
            Long schemeVersionId,
            LocalDate deadline,
            LocalDate countyDeadline,
            LocalDate cityDeadline,
            int publicityDays,
            int quotaPrimary,
            int quotaSecondary,
            String createdBy,
            Instant now) {
        this.code = code;
        this.name = name;
        this.year = year;
        this.orgUnitId = orgUnitId;
        this.ownerPath = ownerPath;
        this.schemeCode = schemeCode;
        this.schemeVersionId = schemeVersionId;
        this.deadline = deadline;
        this.countyDeadline = countyDeadline;
        this.cityDeadline = cityDeadline;
        this.publicityDays = publicityDays;
        this.quotaPrimary = quotaPrimary;
        this.quotaSecondary = quotaSecondary;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void collectedBy(Long taskId) {
        this.collectionTaskId = taskId;
    }

    void plan(int primary, int secondary) {
        this.quotaPrimary = primary;
        this.quotaSecondary = secondary;
    }

    /** A file is overdue when it is still at 县级初评 after the 初评 deadline, or at 市级复核 after the 复核 one. */
    boolean overdue(EvaluationState state, LocalDate today) {
        LocalDate due = switch (state.phase()) {
            case COUNTY -> countyDeadline;
            case CITY -> cityDeadline;
            default -> null;
        };
        return due != null && today.isAfter(due);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public int getYear() {
        return year;
    }

    Long getOrgUnitId() {
        return orgUnitId;
    }

    public String getOwnerPath() {
        return ownerPath;
    }

    String getSchemeCode() {
        return schemeCode;
    }

    int getRowVersion() {
        return rowVersion;
    }

    Long getSchemeVersionId() {
        return schemeVersionId;
    }

    LocalDate getDeadline() {
        return deadline;
    }

    LocalDate getCountyDeadline() {
        return countyDeadline;
    }

    LocalDate getCityDeadline() {
        return cityDeadline;
    }

    int getPublicityDays() {
        return publicityDays;
    }

    public int getQuotaPrimary() {
        return quotaPrimary;
    }

    public int getQuotaSecondary() {
        return quotaSecondary;
    }

    /** Numbers the project's 公示 once, when its first school enters it. */
    void publicityIssued(String number, String issuer, Instant at) {
        if (publicityNumber == null) {
            publicityNumber = number;
            publicityIssuer = issuer;
            publicityIssuedAt = at;
        }
    }

    String getPublicityNumber() {
        return publicityNumber;
    }

    String getPublicityIssuer() {
        return publicityIssuer;
    }

    Instant getPublicityIssuedAt() {
        return publicityIssuedAt;
    }

    Long getCollectionTaskId() {
        return collectionTaskId;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    public String period() {
        return String.valueOf(year);
    }
}
