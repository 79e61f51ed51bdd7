package org.dudao.inspection.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** 专项督查 (kind SPECIAL) or 回头看 (kind REVISIT) of a county's office over a set of schools. */
@Entity
@Table(name = "special_inspection")
public class SpecialInspection {

    public static final String SPECIAL = "SPECIAL";
    public static final String REVISIT = "REVISIT";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String kind;
    private String title;
    private Long countyId;
    private String countyPath;
    private String schemeCode;
    private Integer schemeVersion;
    private Double passLine;
    private LocalDate deadline;
    private String selection;
    private String createdBy;

    @Version
    private int rowVersion;

    private Instant createdAt;

    protected SpecialInspection() {}

    public SpecialInspection(
            String kind,
            String title,
            Long countyId,
            String countyPath,
            String schemeCode,
            Integer schemeVersion,
            Double passLine,
            LocalDate deadline,
            String selection,
            String createdBy,
            Instant now) {
        this.kind = kind;
        this.title = title;
        this.countyId = countyId;
        this.countyPath = countyPath;
        this.schemeCode = schemeCode;
        this.schemeVersion = schemeVersion;
        this.passLine = passLine;
        this.deadline = deadline;
        this.selection = selection;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public boolean isRevisit() {
        return REVISIT.equals(kind);
    }

    public Long getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public Long getCountyId() {
        return countyId;
    }

    public String getCountyPath() {
        return countyPath;
    }

    public String getSchemeCode() {
        return schemeCode;
    }

    public Integer getSchemeVersion() {
        return schemeVersion;
    }

    public Double getPassLine() {
        return passLine;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public String getSelection() {
        return selection;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
