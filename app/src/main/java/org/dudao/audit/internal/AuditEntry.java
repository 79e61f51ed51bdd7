package org.dudao.audit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant at;
    private String username;
    private String action;
    private String entityType;
    private String entityId;
    private String entityLabel;
    private String scopePath;

    @Column(length = 20000)
    private String oldValue;

    @Column(length = 20000)
    private String newValue;

    protected AuditEntry() {}

    public AuditEntry(
            Instant at,
            String username,
            String action,
            String entityType,
            String entityId,
            String entityLabel,
            String scopePath,
            String oldValue,
            String newValue) {
        this.at = at;
        this.username = username;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.entityLabel = entityLabel;
        this.scopePath = scopePath;
        this.oldValue = oldValue;
        this.newValue = newValue;
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getUsername() {
        return username;
    }

    public String getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public String getEntityLabel() {
        return entityLabel;
    }

    public String getScopePath() {
        return scopePath;
    }

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }
}
