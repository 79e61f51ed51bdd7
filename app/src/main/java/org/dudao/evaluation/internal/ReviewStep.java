package org.dudao.evaluation.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.dudao.evaluation.EvaluationState;

/** One recorded transition of an evaluation file: who, when, from → to, why, and the score at that moment. */
@Entity
@Table(name = "evaluation_step")
public class ReviewStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long evaluationId;

    @Enumerated(EnumType.STRING)
    private Action action;

    @Enumerated(EnumType.STRING)
    private EvaluationState fromState;

    @Enumerated(EnumType.STRING)
    private EvaluationState toState;

    private String username;
    private String reason;
    private Double total;
    private String grade;
    private Instant at;

    protected ReviewStep() {}

    ReviewStep(
            Long evaluationId,
            Action action,
            EvaluationState from,
            EvaluationState to,
            String username,
            String reason,
            Double total,
            String grade,
            Instant at) {
        this.evaluationId = evaluationId;
        this.action = action;
        this.fromState = from;
        this.toState = to;
        this.username = username;
        this.reason = reason;
        this.total = total;
        this.grade = grade;
        this.at = at;
    }

    /**
     * What this step signs, as a message key suffix (evaluation.signature.*): the head's sign-off (校长签批), the
     * township's application (乡镇申请), a level's consolidation or approval, the final approval, the plaque;
     * null for a step that signs nothing (a return).
     */
    String signature() {
        return switch (action) {
            case SUBMIT -> fromState == EvaluationState.SELF_DRAFT ? "head" : "township";
            case SCORE ->
                switch (fromState) {
                    case CITY_SCORING -> "city-score";
                    case PROVINCE_SCORING -> "province-score";
                    default -> "county-score";
                };
            case APPROVE ->
                switch (fromState) {
                    case COUNTY_SCORED -> "county-approve";
                    case CITY_SCORED -> "city-approve";
                    case PROVINCE_SCORED -> "province-approve";
                    default -> "approval";
                };
            case CERTIFY -> "certify";
            case RECHECK -> "recheck";
            case RETURN -> null;
        };
    }

    Long getId() {
        return id;
    }

    Action getAction() {
        return action;
    }

    EvaluationState getFromState() {
        return fromState;
    }

    EvaluationState getToState() {
        return toState;
    }

    String getUsername() {
        return username;
    }

    String getReason() {
        return reason;
    }

    Double getTotal() {
        return total;
    }

    String getGrade() {
        return grade;
    }

    Instant getAt() {
        return at;
    }
}
