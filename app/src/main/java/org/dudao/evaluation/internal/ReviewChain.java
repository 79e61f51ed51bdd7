package org.dudao.evaluation.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dudao.evaluation.ChainLevel;
import org.dudao.evaluation.Phase;
import org.dudao.org.OrgKind;

/**
 * The review chain of a project (free of Spring and persistence): its self-evaluation and ordered review levels
 * (县 → 市 → 省), each scoring or only checking, the levels that approve, their 公示 and whether a plaque is
 * issued. {@code alwaysPublic}: the standardization chain holds its 公示 even when the project sets 0 days (a
 * same-day 公示, as before chains existed) and moves a file on only with the scheme's top grade (达标); other chains
 * skip 公示 at 0 days and move a file on with any grade above the lowest, to be decided by the approving level.
 */
public record ReviewChain(List<Level> levels, boolean standard) {

    /** One level; {@code kinds} the unit kinds it approves when several levels approve (empty: the others). */
    public record Level(
            Phase phase, boolean scores, boolean approves, int publicityDays, boolean certificate, Set<OrgKind> kinds) {

        ChainLevel view() {
            return new ChainLevel(
                    phase.name(),
                    scores,
                    approves,
                    publicityDays,
                    certificate,
                    kinds.stream().map(OrgKind::name).sorted().toList());
        }
    }

    /** The phases a chain may name, in their only order. */
    public static final List<Phase> ORDER = List.of(Phase.SELF, Phase.COUNTY, Phase.CITY, Phase.PROVINCE);

    static final Set<OrgKind> CITY_APPROVES =
            EnumSet.of(OrgKind.JUNIOR, OrgKind.NINE_YEAR, OrgKind.COMPLETE_SECONDARY, OrgKind.SENIOR);

    /** Today's standardization chain: 自评 → 县级初评 (approves 小学) → 市级复核 (approves 初中 and 一贯制), 公示, 授牌. */
    public static ReviewChain standardization(int publicityDays) {
        return new ReviewChain(
                List.of(
                        self(),
                        new Level(Phase.COUNTY, true, true, publicityDays, true, Set.of()),
                        new Level(Phase.CITY, true, true, publicityDays, true, CITY_APPROVES)),
                true);
    }

    static Level self() {
        return new Level(Phase.SELF, false, false, 0, false, Set.of());
    }

    /** The review levels after the self-evaluation, in order. */
    public List<Level> reviews() {
        return levels.stream().filter(l -> l.phase() != Phase.SELF).toList();
    }

    public Level first() {
        return reviews().get(0);
    }

    public Level last() {
        List<Level> r = reviews();
        return r.get(r.size() - 1);
    }

    public Level level(Phase phase) {
        return levels.stream().filter(l -> l.phase() == phase).findFirst().orElse(null);
    }

    /** The review level after {@code phase}, or null after the last. */
    public Level after(Phase phase) {
        List<Level> r = reviews();
        for (int i = 0; i < r.size() - 1; i++) {
            if (r.get(i).phase() == phase) return r.get(i + 1);
        }
        return null;
    }

    /** The review level before {@code phase}, or null before the first. */
    public Level before(Phase phase) {
        List<Level> r = reviews();
        for (int i = 1; i < r.size(); i++) {
            if (r.get(i).phase() == phase) return r.get(i - 1);
        }
        return null;
    }

    /**
     * The level that approves a unit of this kind: the approving level naming the kind, else the approving level
     * naming none, else the last approving one.
     */
    public Level approving(OrgKind kind) {
        List<Level> approving = levels.stream().filter(Level::approves).toList();
        return approving.stream()
                .filter(l -> kind != null && l.kinds().contains(kind))
                .findFirst()
                .or(() -> approving.stream().filter(l -> l.kinds().isEmpty()).findFirst())
                .orElse(approving.get(approving.size() - 1));
    }

    /** Whether the approval of this level starts with a 公示. */
    public boolean publicity(Level approving) {
        return standard || approving.publicityDays() > 0;
    }

    public boolean has(Phase phase) {
        return level(phase) != null;
    }

    public List<ChainLevel> view() {
        return levels.stream().map(Level::view).toList();
    }
}
