package org.dudao.inspection.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** 责任督学: a person of a supervision office, 专职 or 兼职, with certificate, term (届) and plaque details. */
@Entity
@Table(name = "inspector")
public class Inspector {

    /** 专职 or 兼职. */
    public static final String FULL_TIME = "FULL_TIME";

    public static final String PART_TIME = "PART_TIME";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String username;
    private String kind;
    private String certificate;
    private LocalDate certificateExpires;
    private Integer termNo;
    private LocalDate termStart;
    private LocalDate termEnd;
    private String phone;
    private Long photoId;
    private Long officeId;
    private String officePath;
    private boolean chief;

    @Version
    private int rowVersion;

    private Instant createdAt;
    private Instant updatedAt;

    protected Inspector() {}

    public Inspector(Long officeId, String officePath, Instant now) {
        this.officeId = officeId;
        this.officePath = officePath;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Everything but the office and the photo, as the office edits it. */
    public void describe(
            String name,
            String username,
            String kind,
            String certificate,
            LocalDate certificateExpires,
            Integer termNo,
            LocalDate termStart,
            LocalDate termEnd,
            String phone,
            boolean chief,
            Instant now) {
        this.name = name;
        this.username = username;
        this.kind = kind;
        this.certificate = certificate;
        this.certificateExpires = certificateExpires;
        this.termNo = termNo;
        this.termStart = termStart;
        this.termEnd = termEnd;
        this.phone = phone;
        this.chief = chief;
        this.updatedAt = now;
    }

    public void photo(Long evidenceId, Instant now) {
        this.photoId = evidenceId;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getUsername() {
        return username;
    }

    public String getKind() {
        return kind;
    }

    public String getCertificate() {
        return certificate;
    }

    public LocalDate getCertificateExpires() {
        return certificateExpires;
    }

    public Integer getTermNo() {
        return termNo;
    }

    public LocalDate getTermStart() {
        return termStart;
    }

    public LocalDate getTermEnd() {
        return termEnd;
    }

    public String getPhone() {
        return phone;
    }

    public Long getPhotoId() {
        return photoId;
    }

    public Long getOfficeId() {
        return officeId;
    }

    public String getOfficePath() {
        return officePath;
    }

    public boolean isChief() {
        return chief;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getRowVersion() {
        return rowVersion;
    }
}
