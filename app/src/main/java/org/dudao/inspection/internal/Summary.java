package org.dudao.inspection.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An inspector's 一月一小结 ({@code MONTH}, period 2026-11) or 半年一总结 ({@code HALF}, period 2026-H1). Resubmitting
 * replaces the text and keeps the first submission time, so a late summary stays late.
 */
@Entity
@Table(name = "inspection_summary")
public class Summary {

    public static final String MONTH = "MONTH";
    public static final String HALF = "HALF";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long inspectorId;
    private String officePath;
    private String kind;
    private String period;
    private String body;
    private String submittedBy;
    private Instant submittedAt;
    private Instant updatedAt;

    @Version
    private int rowVersion;

    protected Summary() {}

    public Summary(
            Long inspectorId, String officePath, String kind, String period, String body, String by, Instant now) {
        this.inspectorId = inspectorId;
        this.officePath = officePath;
        this.kind = kind;
        this.period = period;
        this.body = body;
        this.submittedBy = by;
        this.submittedAt = now;
        this.updatedAt = now;
    }

    public void rewrite(String body, Instant now) {
        this.body = body;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getInspectorId() {
        return inspectorId;
    }

    public String getOfficePath() {
        return officePath;
    }

    public String getKind() {
        return kind;
    }

    public String getPeriod() {
        return period;
    }

    public String getBody() {
        return body;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public int getRowVersion() {
        return rowVersion;
    }
}
