package org.dudao.cases.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a case's timeline: the action, the status before and after, the unit it went to, why, who, when. */
@Entity
@Table(name = "case_event")
public class CaseEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long caseId;
    private String action;
    private String fromStatus;
    private String toStatus;
    private Long orgUnitId;
    private String note;
    private String actor;
    private Instant at;

    protected CaseEvent() {}

    CaseEvent(
            Long caseId,
            String action,
            String fromStatus,
            String toStatus,
            Long orgUnitId,
            String note,
            String actor,
            Instant at) {
        this.caseId = caseId;
        this.action = action;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.orgUnitId = orgUnitId;
        this.note = note;
        this.actor = actor;
        this.at = at;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getAction() {
        return action;
    }

    public String getFromStatus() {
        return fromStatus;
    }

    public String getToStatus() {
        return toStatus;
    }

    public Long getOrgUnitId() {
        return orgUnitId;
    }

    public String getNote() {
        return note;
    }

    public String getActor() {
        return actor;
    }

    public Instant getAt() {
        return at;
    }
}
