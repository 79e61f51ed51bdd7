package org.dudao.evaluation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.dudao.evaluation.Phase;
import org.dudao.org.OrgKind;

/** One stored level of a project's review chain (a row of eval_chain_level). */
@Embeddable
public class ChainStep {

    @Enumerated(EnumType.STRING)
    @Column(name = "level")
    private Phase level;

    private boolean scores;
    private boolean approves;
    private int publicityDays;
    private boolean certificate;
    private String approvesKinds;

    protected ChainStep() {}

    ChainStep(ReviewChain.Level l) {
        this.level = l.phase();
        this.scores = l.scores();
        this.approves = l.approves();
        this.publicityDays = l.publicityDays();
        this.certificate = l.certificate();
        this.approvesKinds = l.kinds().isEmpty()
                ? null
                : l.kinds().stream().map(OrgKind::name).sorted().collect(Collectors.joining(","));
    }

    ReviewChain.Level level() {
        Set<OrgKind> kinds = EnumSet.noneOf(OrgKind.class);
        if (approvesKinds != null && !approvesKinds.isBlank()) {
            Arrays.stream(approvesKinds.split(",")).map(OrgKind::valueOf).forEach(kinds::add);
        }
        return new ReviewChain.Level(level, scores, approves, publicityDays, certificate, kinds);
    }
}
