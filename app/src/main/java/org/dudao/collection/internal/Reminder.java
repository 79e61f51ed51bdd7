package org.dudao.collection.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reminder (催报) the issuing office sent to a unit about its form. */
@Entity
@Table(name = "collection_reminder")
public class Reminder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long assignmentId;
    private String message;
    private String sentBy;
    private Instant sentAt;

    protected Reminder() {}

    Reminder(Long assignmentId, String message, String sentBy, Instant sentAt) {
        this.assignmentId = assignmentId;
        this.message = message;
        this.sentBy = sentBy;
        this.sentAt = sentAt;
    }

    public Long getId() {
        return id;
    }

    public Long getAssignmentId() {
        return assignmentId;
    }

    public String getMessage() {
        return message;
    }

    public String getSentBy() {
        return sentBy;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
