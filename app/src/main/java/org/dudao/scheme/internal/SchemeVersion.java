package org.dudao.scheme.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One version of a scheme: the definition as JSON. A draft may be corrected in place ({@link #correct}) until
 * {@link #lock} marks it as used by an evaluation; from then on it is read-only and changes make a new version.
 */
@Entity
@Table(name = "scheme_version")
public class SchemeVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long schemeId;

    @Column(name = "version_no")
    private int number;

    private String name;
    private double maxScore;
    private String definition;
    /** Counts the corrections (and the lock): the optimistic version of a draft edited in place. */
    @Version
    private int revision;

    private boolean locked;
    private Instant lockedAt;
    private String note;
    private String createdBy;
    private Instant createdAt;

    protected SchemeVersion() {}

    public SchemeVersion(
            Long schemeId,
            int number,
            String name,
            double maxScore,
            String definition,
            String note,
            String createdBy,
            Instant now) {
        this.schemeId = schemeId;
        this.number = number;
        this.name = name;
        this.maxScore = maxScore;
        this.definition = definition;
        this.note = note;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Corrects a draft in place; the caller has checked that it is not locked. */
    public void correct(String newName, double newMaxScore, String newDefinition) {
        name = newName;
        maxScore = newMaxScore;
        definition = newDefinition;
    }

    /** Returns false when it was locked already. */
    public boolean lock(Instant now) {
        if (locked) {
            return false;
        }
        locked = true;
        lockedAt = now;
        return true;
    }

    public Long getId() {
        return id;
    }

    public Long getSchemeId() {
        return schemeId;
    }

    public int getNumber() {
        return number;
    }

    public String getName() {
        return name;
    }

    public double getMaxScore() {
        return maxScore;
    }

    public String getDefinition() {
        return definition;
    }

    public int getRevision() {
        return revision;
    }

    public boolean isLocked() {
        return locked;
    }

    public Instant getLockedAt() {
        return lockedAt;
    }

    public String getNote() {
        return note;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
