package org.dudao.evaluation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.dudao.evaluation.Phase;

/** One expert's independent score sheet (manual indicators as JSON), comment and on-site findings. */
@Entity
@Table(name = "expert_score")
public class ExpertScore {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long evaluationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_level")
    private Phase level;

    private String username;
    private String manual;

    @Column(name = "comment_text")
    private String comment;

    private String findings;
    private String evidenceIds;
    private Instant submittedAt;

    protected ExpertScore() {}

    ExpertScore(Long evaluationId, Phase level, String username) {
        this.evaluationId = evaluationId;
        this.level = level;
        this.username = username;
    }

    void record(String manual, String comment, String findings, String evidenceIds, Instant now) {
        this.manual = manual;
        this.comment = comment;
        this.findings = findings;
        this.evidenceIds = evidenceIds;
        this.submittedAt = now;
    }

    Long getId() {
        return id;
    }

    Phase getLevel() {
        return level;
    }

    String getUsername() {
        return username;
    }

    String getManual() {
        return manual;
    }

    String getComment() {
        return comment;
    }

    String getFindings() {
        return findings;
    }

    String getEvidenceIds() {
        return evidenceIds;
    }

    Instant getSubmittedAt() {
        return submittedAt;
    }
}
