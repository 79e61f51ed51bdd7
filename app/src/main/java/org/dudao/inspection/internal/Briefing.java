package org.dudao.inspection.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.dudao.shared.ConflictException;

/** 督导简报 of an office: a draft while its text is edited, then issued with its number and read-only. */
@Entity
@Table(name = "inspection_briefing")
public class Briefing {

    public static final String DRAFT = "DRAFT";
    public static final String ISSUED = "ISSUED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long officeId;
    private String officePath;
    private String title;
    private LocalDate periodFrom;
    private LocalDate periodUntil;
    private String body;
    private String distribution;
    private String status;
    private Integer briefYear;
    private Integer number;
    private String issuedBy;
    private Instant issuedAt;
    private String createdBy;

    @Version
    private int rowVersion;

    private Instant createdAt;
    private Instant updatedAt;

    protected Briefing() {}

    public Briefing(
            Long officeId,
            String officePath,
            String title,
            LocalDate periodFrom,
            LocalDate periodUntil,
            String body,
            String createdBy,
            Instant now) {
        this.officeId = officeId;
        this.officePath = officePath;
        this.title = title;
        this.periodFrom = periodFrom;
        this.periodUntil = periodUntil;
        this.body = body;
        this.status = DRAFT;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void edit(String title, String body, String distribution, Instant now) {
        expectDraft();
        this.title = title;
        this.body = body;
        this.distribution = distribution;
        this.updatedAt = now;
    }

    public void issue(int year, int number, String username, Instant now) {
        expectDraft();
        this.briefYear = year;
        this.number = number;
        this.issuedBy = username;
        this.issuedAt = now;
        this.status = ISSUED;
        this.updatedAt = now;
    }

    private void expectDraft() {
        if (!DRAFT.equals(status)) throw new ConflictException("inspection.error.briefing-issued");
    }

    public Long getId() {
        return id;
    }

    public Long getOfficeId() {
        return officeId;
    }

    public String getOfficePath() {
        return officePath;
    }

    public String getTitle() {
        return title;
    }

    public LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public LocalDate getPeriodUntil() {
        return periodUntil;
    }

    public String getBody() {
        return body;
    }

    public String getDistribution() {
        return distribution;
    }

    public String getStatus() {
        return status;
    }

    public Integer getBriefYear() {
        return briefYear;
    }

    public Integer getNumber() {
        return number;
    }

    public String getIssuedBy() {
        return issuedBy;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public int getRowVersion() {
        return rowVersion;
    }
}
