package org.dudao.report.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import org.dudao.shared.Tracked;

/** The target and weight a project owner set for one unit in one project; null values keep the default. */
@Tracked
@Entity
@Table(name = "assessment_target")
class AssessmentTarget {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String projectCode;
    private Long orgUnitId;
    private Integer target;
    private BigDecimal weight;

    @Version
    private int rowVersion;

    private String updatedBy;
    private Instant updatedAt;

    protected AssessmentTarget() {}

    AssessmentTarget(String projectCode, Long orgUnitId) {
        this.projectCode = projectCode;
        this.orgUnitId = orgUnitId;
    }

    void set(Integer target, BigDecimal weight, String by, Instant now) {
        this.target = target;
        this.weight = weight;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    Long getId() {
        return id;
    }

    String getProjectCode() {
        return projectCode;
    }

    Long getOrgUnitId() {
        return orgUnitId;
    }

    Integer getTarget() {
        return target;
    }

    BigDecimal getWeight() {
        return weight;
    }

    int getRowVersion() {
        return rowVersion;
    }
}
