package org.dudao.evaluation.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One training an expert attended: date, course and hours. */
@Entity
@Table(name = "expert_training")
public class ExpertTraining {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long expertId;
    private LocalDate heldOn;
    private String course;
    private BigDecimal hours;
    private String createdBy;
    private Instant createdAt;

    protected ExpertTraining() {}

    ExpertTraining(Long expertId, LocalDate heldOn, String course, BigDecimal hours, String by, Instant now) {
        this.expertId = expertId;
        this.heldOn = heldOn;
        this.course = course;
        this.hours = hours;
        this.createdBy = by;
        this.createdAt = now;
    }

    Long getId() {
        return id;
    }

    Long getExpertId() {
        return expertId;
    }

    LocalDate getHeldOn() {
        return heldOn;
    }

    String getCourse() {
        return course;
    }

    BigDecimal getHours() {
        return hours;
    }
}
