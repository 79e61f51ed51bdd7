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

/** 现场核查 of a sampled file: headcount reported vs counted, corrections (JSON) and the total before and after. */
@Entity
@Table(name = "onsite_check")
public class OnsiteCheck {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long evaluationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_level")
    private Phase level;

    private Integer reported;
    private Integer counted;
    private Double differencePct;
    private String corrections;
    private String note;
    private Double totalBefore;
    private Double totalAfter;
    private String checkedBy;
    private Instant checkedAt;

    protected OnsiteCheck() {}

    OnsiteCheck(
            Long evaluationId,
            Phase level,
            Integer reported,
            Integer counted,
            Double differencePct,
            String corrections,
            String note,
            Double totalBefore,
            Double totalAfter,
            String by,
            Instant now) {
        this.evaluationId = evaluationId;
        this.level = level;
        this.reported = reported;
        this.counted = counted;
        this.differencePct = differencePct;
        this.corrections = corrections;
        this.note = note;
        this.totalBefore = totalBefore;
        this.totalAfter = totalAfter;
        this.checkedBy = by;
        this.checkedAt = now;
    }

    Long getId() {
        return id;
    }

    Phase getLevel() {
        return level;
    }

    Integer getReported() {
        return reported;
    }

    Integer getCounted() {
        return counted;
    }

    Double getDifferencePct() {
        return differencePct;
    }

    String getCorrections() {
        return corrections;
    }

    String getNote() {
        return note;
    }

    Double getTotalBefore() {
        return totalBefore;
    }

    Double getTotalAfter() {
        return totalAfter;
    }

    String getCheckedBy() {
        return checkedBy;
    }

    Instant getCheckedAt() {
        return checkedAt;
    }
}
