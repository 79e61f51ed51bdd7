package org.dudao.evaluation.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dudao.evaluation.Phase;
import org.dudao.org.OrgKind;

/**
 * The review chains offered ready-made, with the unit kinds each evaluates and the scheme it usually runs:
 * standardization (today's chain), 先进县督导评估, 乡镇督政考核, 装备示范学校 and 党支部星级评定.
 */
public enum ChainTemplate {
    /** 标准化建设评估验收: 自评 → 县级初评 (approves 小学) → 市级复核 (approves 中学), 公示 and plaque. */
    STANDARDIZATION(
            "YWBZH",
            EnumSet.of(OrgKind.PRIMARY, OrgKind.JUNIOR, OrgKind.NINE_YEAR, OrgKind.COMPLETE_SECONDARY),
            ReviewChain.standardization(7)),
    /** 先进县督导评估: the county's self-evaluation → city review (experts score, vetoes cap) → province approval. */
    ADVANCED_COUNTY(
            "XJXDD",
            EnumSet.of(OrgKind.COUNTY, OrgKind.DISTRICT),
            chain(
                    new ReviewChain.Level(Phase.CITY, true, false, 0, false, Set.of()),
                    new ReviewChain.Level(Phase.PROVINCE, false, true, 7, true, Set.of()))),
    /** 乡镇督政考核: the township's self-report → county review and approval, ranked by score, no plaque. */
    TOWNSHIP_DUZHENG(
            "XZDZ",
            EnumSet.of(OrgKind.TOWNSHIP, OrgKind.SUBDISTRICT),
            chain(new ReviewChain.Level(Phase.COUNTY, true, true, 0, false, Set.of()))),
    /** 装备示范学校: a county-only award, scored, publicised and awarded by the county. */
    EQUIPMENT_DEMO(
            "ZBSF",
            EnumSet.of(OrgKind.PRIMARY, OrgKind.JUNIOR, OrgKind.NINE_YEAR, OrgKind.COMPLETE_SECONDARY, OrgKind.SENIOR),
            chain(new ReviewChain.Level(Phase.COUNTY, true, true, 7, true, Set.of()))),
    /**
     * 党支部星级评定: the branch scores itself, the township party committee reviews and signs the application, the
     * county confirms the stars (the scheme's grade bands, 一星 to 五星).
     */
    PARTY_BRANCH_STARS(
            "DZBXJ",
            EnumSet.of(OrgKind.PARTY_BRANCH),
            chain(new ReviewChain.Level(Phase.COUNTY, false, true, 0, false, Set.of())));

    private final String scheme;
    private final Set<OrgKind> unitKinds;
    private final ReviewChain chain;

    ChainTemplate(String scheme, Set<OrgKind> unitKinds, ReviewChain chain) {
        this.scheme = scheme;
        this.unitKinds = unitKinds;
        this.chain = chain;
    }

    private static ReviewChain chain(ReviewChain.Level... reviews) {
        List<ReviewChain.Level> levels = new java.util.ArrayList<>();
        levels.add(ReviewChain.self());
        levels.addAll(List.of(reviews));
        return new ReviewChain(List.copyOf(levels), false);
    }

    /** The scheme code such projects usually run (the demo schemes). */
    public String scheme() {
        return scheme;
    }

    public Set<OrgKind> unitKinds() {
        return unitKinds;
    }

    /** The chain; the standardization one with the project's 公示 days. */
    public ReviewChain chain(int publicityDays) {
        return this == STANDARDIZATION ? ReviewChain.standardization(publicityDays) : chain;
    }

    public static java.util.Optional<ChainTemplate> parse(String text) {
        if (text == null) return java.util.Optional.empty();
        return java.util.Arrays.stream(values())
                .filter(t -> t.name().equalsIgnoreCase(text.trim()))
                .findFirst();
    }
}
