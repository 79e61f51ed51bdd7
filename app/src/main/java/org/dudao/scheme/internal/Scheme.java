package org.dudao.scheme.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A scheme: its code, owner and the number of its latest version. The content lives in {@link SchemeVersion}. */
@Entity
@Table(name = "scheme")
public class Scheme {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;
    private String name;
    private Long orgUnitId;
    private int latestVersion;

    @Version
    @Column(name = "row_version")
    private int rowVersion;

    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;

    protected Scheme() {}

    public Scheme(String code, String name, Long orgUnitId, String createdBy, Instant now) {
        this.code = code;
        this.name = name;
        this.orgUnitId = orgUnitId;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Reserves the next version number. */
    public int nextVersion(String newName, Instant now) {
        latestVersion++;
        name = newName;
        updatedAt = now;
        return latestVersion;
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

    public Long getOrgUnitId() {
        return orgUnitId;
    }

    public int getLatestVersion() {
        return latestVersion;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
