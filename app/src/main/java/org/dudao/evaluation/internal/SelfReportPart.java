package org.dudao.evaluation.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One written part of a unit's 自评报告: the narrative of a first-level indicator ({@link Kind#SECTION}) or the
 * 专题报告 on a hard indicator it does not meet ({@link Kind#TOPIC}), keyed by the indicator's (or veto's) code.
 */
@Entity
@Table(name = "self_report_part")
public class SelfReportPart {

    public enum Kind {
        SECTION,
        TOPIC
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long evaluationId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String code;
    private String body;
    private String updatedBy;
    private Instant updatedAt;

    @Version
    private int rowVersion;

    protected SelfReportPart() {}

    SelfReportPart(Long evaluationId, Kind kind, String code) {
        this.evaluationId = evaluationId;
        this.kind = kind;
        this.code = code;
    }

    void write(String body, String by, Instant at) {
        this.body = body;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    Kind getKind() {
        return kind;
    }

    String getCode() {
        return code;
    }

    String getBody() {
        return body;
    }

    String getUpdatedBy() {
        return updatedBy;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
