package org.dudao.evaluation.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Links one evidence file of the school to the manual indicator of its self-evaluation that it backs. */
@Entity
@Table(name = "evaluation_evidence")
public class IndicatorEvidence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long evaluationId;
    private String indicator;
    private Long evidenceId;

    protected IndicatorEvidence() {}

    IndicatorEvidence(Long evaluationId, String indicator, Long evidenceId) {
        this.evaluationId = evaluationId;
        this.indicator = indicator;
        this.evidenceId = evidenceId;
    }

    Long getId() {
        return id;
    }

    Long getEvaluationId() {
        return evaluationId;
    }

    String getIndicator() {
        return indicator;
    }

    Long getEvidenceId() {
        return evidenceId;
    }
}
