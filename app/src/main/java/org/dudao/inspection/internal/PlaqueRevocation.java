package org.dudao.inspection.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 摘牌: who revoked a school's plaque, when and why, after the failed check of a 回头看. */
@Entity
@Table(name = "plaque_revocation")
public class PlaqueRevocation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long schoolId;
    private String schoolPath;
    private Long checkId;
    private String reason;
    private String revokedBy;
    private Instant revokedAt;

    protected PlaqueRevocation() {}

    public PlaqueRevocation(
            Long schoolId, String schoolPath, Long checkId, String reason, String revokedBy, Instant revokedAt) {
        this.schoolId = schoolId;
        this.schoolPath = schoolPath;
        this.checkId = checkId;
        this.reason = reason;
        this.revokedBy = revokedBy;
        this.revokedAt = revokedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getSchoolId() {
        return schoolId;
    }

    public String getSchoolPath() {
        return schoolPath;
    }

    public Long getCheckId() {
        return checkId;
    }

    public String getReason() {
        return reason;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
