package org.dudao.rectification.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** 限期整改通知书: numbered, issued to a unit for the open items of one source, with a reply date. */
@Entity
@Table(name = "rectification_notice")
public class Notice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String number;
    private Long orgUnitId;
    private String unitPath;
    private String sourceRef;
    private String title;
    private LocalDate replyBy;
    private String issuedBy;
    private Instant issuedAt;
    /** 落款: the issuing office as it signed (null on notices issued before it was kept). */
    private String issuer;

    protected Notice() {}

    public Notice(
            String number,
            Long orgUnitId,
            String unitPath,
            String sourceRef,
            String title,
            LocalDate replyBy,
            String issuedBy,
            Instant issuedAt,
            String issuer) {
        this.number = number;
        this.orgUnitId = orgUnitId;
        this.unitPath = unitPath;
        this.sourceRef = sourceRef;
        this.title = title;
        this.replyBy = replyBy;
        this.issuedBy = issuedBy;
        this.issuedAt = issuedAt;
        this.issuer = issuer;
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public Long getOrgUnitId() {
        return orgUnitId;
    }

    public String getUnitPath() {
        return unitPath;
    }

    public String getSourceRef() {
        return sourceRef;
    }

    public String getTitle() {
        return title;
    }

    public String getIssuer() {
        return issuer;
    }

    public LocalDate getReplyBy() {
        return replyBy;
    }

    public String getIssuedBy() {
        return issuedBy;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }
}
