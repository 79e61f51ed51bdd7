package org.dudao.evaluation.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 异议 raised by anyone on the 公示 page; must be answered by the owner before final approval. */
@Entity
@Table(name = "objection")
public class Objection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long evaluationId;
    private String body;
    private String contact;
    private Instant submittedAt;
    private String answer;
    private String answeredBy;
    private Instant answeredAt;

    protected Objection() {}

    Objection(Long evaluationId, String body, String contact, Instant now) {
        this.evaluationId = evaluationId;
        this.body = body;
        this.contact = contact;
        this.submittedAt = now;
    }

    void answer(String text, String by, Instant now) {
        this.answer = text;
        this.answeredBy = by;
        this.answeredAt = now;
    }

    boolean open() {
        return answer == null;
    }

    Long getId() {
        return id;
    }

    Long getEvaluationId() {
        return evaluationId;
    }

    String getBody() {
        return body;
    }

    String getContact() {
        return contact;
    }

    Instant getSubmittedAt() {
        return submittedAt;
    }

    String getAnswer() {
        return answer;
    }

    String getAnsweredBy() {
        return answeredBy;
    }

    Instant getAnsweredAt() {
        return answeredAt;
    }
}
