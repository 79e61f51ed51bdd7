package org.dudao.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §2 "Combined schools" worked examples. */
class CombinedSchoolTest {

    private static final Standard BOOKS = Standard.perStage(25.0, 35.0, 45.0);
    private static final Enrolment NINE = new Enrolment(600, 400, 0);
    private static final Enrolment COMPLETE = new Enrolment(0, 1200, 800);

    private static double score(RuleDef rule, SchoolType type, Enrolment e, double books) {
        return Schemes.total(rule, type, e, books);
    }

    @Test
    void nineYearSchoolUsesTheEnrolmentWeightedStandard() {
        // 600 + 400 pupils, 25 and 35 → required 29; 28,000 books → 28 per pupil → not met.
        RuleDef threshold = RuleDef.threshold("x", ">=", BOOKS, true);
        assertThat(score(threshold, SchoolType.NINE_YEAR, NINE, 28_000)).isZero();
        assertThat(score(threshold, SchoolType.NINE_YEAR, NINE, 29_000)).isEqualTo(100);
        // LINEAR gives points × 28/29.
        assertThat(score(RuleDef.linear("x", BOOKS, true), SchoolType.NINE_YEAR, NINE, 28_000))
                .isEqualTo(CompiledScheme.round2(100.0 * 28 / 29));
    }

    @Test
    void completeSecondaryApportionsToTheJuniorSection() {
        // 1,200 + 800 pupils, 90,000 books → 54,000 to 初中 → 45 per pupil vs 35 → met.
        RuleDef threshold = RuleDef.threshold("x", ">=", BOOKS, true);
        assertThat(score(threshold, SchoolType.COMPLETE_SECONDARY, COMPLETE, 90_000))
                .isEqualTo(100);
        // 69,000 books → 41,400 → 34.5 < 35 → not met; 70,000 → exactly 35 → met.
        assertThat(score(threshold, SchoolType.COMPLETE_SECONDARY, COMPLETE, 69_000))
                .isZero();
        assertThat(score(threshold, SchoolType.COMPLETE_SECONDARY, COMPLETE, 70_000))
                .isEqualTo(100);
    }

    @Test
    void stageWeightsChangeTheJuniorShareOfACompleteSecondarySchool() {
        // With 初中:高中 = 1 : 1.2 the 初中 share of 70,000 books is 70,000·1200/(1200 + 960) ≈ 38,889 → 32.4 < 35.
        SchemeDef def = Schemes.of(
                100,
                Schemes.PASS_FAIL,
                List.of(),
                IndicatorDef.leaf("A", "图书", 100, RuleDef.threshold("x", ">=", BOOKS, true)));
        CompiledScheme weighted = SchemeCompiler.compile(def, StageWeights.STATISTICS);
        assertThat(weighted.score(SchoolType.COMPLETE_SECONDARY, COMPLETE, Map.of("x", 70_000.0), Map.of())
                        .total())
                .isZero();
        assertThat(weighted.score(SchoolType.COMPLETE_SECONDARY, COMPLETE, Map.of("x", 75_600.0), Map.of())
                        .total())
                .isEqualTo(100);
    }

    @Test
    void apportioningWithStatisticsWeightsMatchesTheSpecExample() {
        // SPEC §4: 166 + 210 pupils, 23,226 books, 1 : 1.1 → 小学 ≈ 9,712, 初中 ≈ 13,514.
        double[] parts = StageWeights.STATISTICS.apportion(SchoolType.NINE_YEAR, new Enrolment(166, 210, 0), 23_226);
        assertThat(parts[0]).isCloseTo(9_712, within(1.0));
        assertThat(parts[1]).isCloseTo(13_514, within(1.0));
        assertThat(parts[0] + parts[1]).isCloseTo(23_226, within(1e-6));
        assertThat(StageWeights.PLAIN.apportion(SchoolType.COMPLETE_SECONDARY, COMPLETE, 90_000)[1])
                .isEqualTo(54_000);
    }

    @Test
    void rateForACombinedSchoolUsesTheWeightedMeanStandard() {
        // 巩固率 小学 ≥ 99, 初中 ≥ 94: for 600 + 400 pupils the standard is 97.
        RuleDef rate = RuleDef.threshold("x", ">=", Standard.perStage(99.0, 94.0, null), false);
        assertThat(score(rate, SchoolType.NINE_YEAR, NINE, 97)).isEqualTo(100);
        assertThat(score(rate, SchoolType.NINE_YEAR, NINE, 96.9)).isZero();
        // A 完全中学 is scored as an 初中.
        assertThat(score(rate, SchoolType.COMPLETE_SECONDARY, COMPLETE, 94)).isEqualTo(100);
    }

    @Test
    void twelveYearSchoolWeighsAllThreeStages() {
        // 300·25 + 300·35 + 400·45 = 36,000 books needed.
        RuleDef threshold = RuleDef.threshold("x", ">=", BOOKS, true);
        Enrolment e = new Enrolment(300, 300, 400);
        assertThat(score(threshold, SchoolType.TWELVE_YEAR, e, 36_000)).isEqualTo(100);
        assertThat(score(threshold, SchoolType.TWELVE_YEAR, e, 35_999)).isZero();
    }

    @Test
    void nineYearSchoolWithoutJuniorPupilsIsScoredAsPrimary() {
        RuleDef threshold = RuleDef.threshold("x", ">=", Standard.perStage(25.0, null, null), true);
        assertThat(score(threshold, SchoolType.NINE_YEAR, new Enrolment(100, 0, 0), 2_500))
                .isEqualTo(100);
    }

    @Test
    void schoolTypesReadTheirChineseLabels() {
        assertThat(SchoolType.fromLabel("九年一贯制学校")).isEqualTo(SchoolType.NINE_YEAR);
        assertThat(SchoolType.fromLabel("九年一贯制")).isEqualTo(SchoolType.NINE_YEAR);
        assertThat(SchoolType.fromLabel("完全中学")).isEqualTo(SchoolType.COMPLETE_SECONDARY);
        assertThat(SchoolType.fromLabel(" 小学 ")).isEqualTo(SchoolType.PRIMARY);
        assertThat(SchoolType.fromLabel("党支部")).isEqualTo(SchoolType.OTHER);
        for (SchoolType t : SchoolType.values()) {
            assertThat(SchoolType.fromLabel(t.label())).isEqualTo(t);
        }
    }
}
