package org.dudao.evaluation.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One random draw of experts for a group: seed, filter, candidates considered, exclusions and result (JSON). */
@Entity
@Table(name = "expert_draw")
public class ExpertDraw {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long groupId;
    private long seed;
    private String field;
    private int requested;
    private String candidates;
    private String excluded;
    private String drawn;
    private String drawnBy;
    private Instant drawnAt;

    protected ExpertDraw() {}

    ExpertDraw(
            Long groupId,
            long seed,
            String field,
            int requested,
            String candidates,
            String excluded,
            String drawn,
            String by,
            Instant now) {
        this.groupId = groupId;
        this.seed = seed;
        this.field = field;
        this.requested = requested;
        this.candidates = candidates;
        this.excluded = excluded;
        this.drawn = drawn;
        this.drawnBy = by;
        this.drawnAt = now;
    }

    Long getId() {
        return id;
    }

    Long getGroupId() {
        return groupId;
    }

    long getSeed() {
        return seed;
    }

    String getField() {
        return field;
    }

    int getRequested() {
        return requested;
    }

    String getCandidates() {
        return candidates;
    }

    String getExcluded() {
        return excluded;
    }

    String getDrawn() {
        return drawn;
    }

    String getDrawnBy() {
        return drawnBy;
    }

    Instant getDrawnAt() {
        return drawnAt;
    }
}
