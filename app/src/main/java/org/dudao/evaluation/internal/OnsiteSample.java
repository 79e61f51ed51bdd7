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
import java.util.List;
import org.dudao.evaluation.Phase;
import org.dudao.shared.IdList;

/** The units of a project sampled at a review level for on-site checks (抽查), with the seed that repeats it. */
@Entity
@Table(name = "onsite_sample")
public class OnsiteSample {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long projectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_level")
    private Phase level;

    private long seed;
    private Integer percent;
    private Integer requested;
    /** Org unit ids, comma separated, township by township. */
    private String units;

    private String drawnBy;
    private Instant drawnAt;

    protected OnsiteSample() {}

    OnsiteSample(
            Long projectId,
            Phase level,
            long seed,
            Integer percent,
            Integer requested,
            List<Long> units,
            String by,
            Instant now) {
        this.projectId = projectId;
        this.level = level;
        this.seed = seed;
        this.percent = percent;
        this.requested = requested;
        this.units = String.join(",", units.stream().map(String::valueOf).toList());
        this.drawnBy = by;
        this.drawnAt = now;
    }

    List<Long> unitIds() {
        return IdList.of(units);
    }

    Long getId() {
        return id;
    }

    Phase getLevel() {
        return level;
    }

    long getSeed() {
        return seed;
    }

    Integer getPercent() {
        return percent;
    }

    Integer getRequested() {
        return requested;
    }

    String getDrawnBy() {
        return drawnBy;
    }

    Instant getDrawnAt() {
        return drawnAt;
    }
}
