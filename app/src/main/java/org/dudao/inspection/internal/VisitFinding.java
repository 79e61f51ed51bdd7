package org.dudao.inspection.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What the inspector found on one supervision item during a visit, rated 好/较好/一般/差, with photos. */
@Entity
@Table(name = "visit_finding")
public class VisitFinding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long visitId;
    private String item;
    private String finding;
    private String rating;
    private String evidenceIds;
    private Long rectificationId;
    private Instant createdAt;

    protected VisitFinding() {}

    public VisitFinding(Long visitId, String item, String finding, String rating, String evidenceIds, Instant now) {
        this.visitId = visitId;
        this.item = item;
        this.finding = finding;
        this.rating = rating;
        this.evidenceIds = evidenceIds;
        this.createdAt = now;
    }

    public void rectifiedAs(Long itemId) {
        this.rectificationId = itemId;
    }

    public Long getId() {
        return id;
    }

    public Long getVisitId() {
        return visitId;
    }

    public String getItem() {
        return item;
    }

    public String getFinding() {
        return finding;
    }

    public String getRating() {
        return rating;
    }

    public String getEvidenceIds() {
        return evidenceIds;
    }

    public Long getRectificationId() {
        return rectificationId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
