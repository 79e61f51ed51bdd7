package org.dudao.inspection.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The result of one checklist item of a check: a rating (好/较好/一般/差) or a score, the finding, photos. */
@Entity
@Table(name = "special_check_result")
public class SpecialCheckResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long checkId;
    private String itemCode;
    private String rating;
    private Double score;
    private String finding;
    private String evidenceIds;
    private Long rectificationId;

    protected SpecialCheckResult() {}

    public SpecialCheckResult(Long checkId, String itemCode) {
        this.checkId = checkId;
        this.itemCode = itemCode;
    }

    /** Recorded again while the check is open: the last entry counts. */
    public void record(String newRating, Double newScore, String newFinding, String newEvidenceIds) {
        this.rating = newRating;
        this.score = newScore;
        this.finding = newFinding;
        this.evidenceIds = newEvidenceIds;
    }

    public void rectifiedAs(Long itemId) {
        this.rectificationId = itemId;
    }

    public Long getId() {
        return id;
    }

    public Long getCheckId() {
        return checkId;
    }

    public String getItemCode() {
        return itemCode;
    }

    public String getRating() {
        return rating;
    }

    public Double getScore() {
        return score;
    }

    public String getFinding() {
        return finding;
    }

    public String getEvidenceIds() {
        return evidenceIds;
    }

    public Long getRectificationId() {
        return rectificationId;
    }
}
