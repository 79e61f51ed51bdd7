package org.dudao.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.engine.Schemes.total;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesTest {

    private static final Enrolment NONE = Enrolment.NONE;

    @ParameterizedTest(name = "{1} {0} {2} → {3}")
    @CsvSource({
        ">=, 10, 10, 100", ">=, 9.99, 10, 0",
        "<=, 10, 10, 100", "<=, 10.01, 10, 0",
        ">, 10.01, 10, 100", ">, 10, 10, 0",
        "<, 9.99, 10, 100", "<, 10, 10, 0",
        "==, 100, 100, 100", "==, 99, 100, 0"
    })
    void thresholdGivesFullPointsOrNothingForEveryOp(String op, double actual, double standard, double expected) {
        assertThat(total(RuleDef.threshold("x", op, Standard.of(standard), false), SchoolType.PRIMARY, NONE, actual))
                .isEqualTo(expected);
    }

    @Test
    void thresholdToleratesBinaryNoiseAtTheStandard() {
        // 0.1 + 0.2 is 0.30000000000000004 in binary; a rate typed as a sum must still equal 0.3.
        assertThat(total(RuleDef.threshold("x", "<=", Standard.of(0.3), false), SchoolType.PRIMARY, NONE, 0.1 + 0.2))
                .isEqualTo(100);
    }

    @Test
    void linearIsProportionalAndCappedAtFullPoints() {
        RuleDef linear = RuleDef.linear("x", Standard.of(40), false);
        assertThat(total(linear, SchoolType.PRIMARY, NONE, 30.0)).isEqualTo(75);
        assertThat(total(linear, SchoolType.PRIMARY, NONE, 80.0)).isEqualTo(100);
        assertThat(total(linear, SchoolType.PRIMARY, NONE, -5.0)).isEqualTo(0);
    }

    @Test
    void linearWithStandardZeroGivesFullPoints() {
        assertThat(total(RuleDef.linear("x", Standard.of(0), false), SchoolType.PRIMARY, NONE, 0.0))
                .isEqualTo(100);
    }

    @Test
    void deductionTakesPointsPerOccurrenceFlooredAtZero() {
        RuleDef deduction = RuleDef.deduction("x", 15);
        assertThat(total(deduction, SchoolType.PRIMARY, NONE, 0.0)).isEqualTo(100);
        assertThat(total(deduction, SchoolType.PRIMARY, NONE, 2.0)).isEqualTo(70);
        assertThat(total(deduction, SchoolType.PRIMARY, NONE, 9.0)).isEqualTo(0);
    }

    @Test
    void missingValueScoresZeroAndIsListed() {
        for (RuleDef rule : List.of(
                RuleDef.threshold("x", ">=", Standard.of(1), false),
                RuleDef.linear("x", Standard.of(1), false),
                RuleDef.deduction("x", 1))) {
            ScoreResult r = Schemes.single(rule).score(SchoolType.PRIMARY, NONE, Map.of(), Map.of());
            assertThat(r.total()).as(rule.type().name()).isZero();
            assertThat(r.missingItems()).containsExactly("x");
            assertThat(r.indicator("A").missingItem()).isTrue();
            assertThat(r.complete()).isFalse();
        }
    }

    @Test
    void bonusIsAddedOnTopAndCapped() {
        SchemeDef def = Schemes.of(
                100,
                Schemes.PASS_FAIL,
                List.of(),
                IndicatorDef.leaf("A", "基础", 100, RuleDef.threshold("x", ">=", Standard.of(1), false)),
                IndicatorDef.bonusLeaf("B", "获奖加分", 5, RuleDef.bonus("awards", 2)));
        CompiledScheme s = SchemeCompiler.compile(def);
        assertThat(s.score(SchoolType.PRIMARY, NONE, Map.of("x", 1.0, "awards", 2.0), Map.of())
                        .total())
                .isEqualTo(104);
        assertThat(s.score(SchoolType.PRIMARY, NONE, Map.of("x", 1.0, "awards", 10.0), Map.of())
                        .total())
                .isEqualTo(105);
        assertThat(s.score(SchoolType.PRIMARY, NONE, Map.of("x", 0.0, "awards", 1.0), Map.of())
                        .total())
                .isEqualTo(2);
    }

    @Test
    void perPupilUsesTheStageStandardAndEnrolment() {
        RuleDef books = RuleDef.threshold("x", ">=", Standard.perStage(25.0, 35.0, 45.0), true);
        Enrolment e = new Enrolment(1000, 1000, 1000);
        assertThat(total(books, SchoolType.PRIMARY, e, 25_000.0)).isEqualTo(100);
        assertThat(total(books, SchoolType.JUNIOR, e, 25_000.0)).isZero();
        assertThat(total(books, SchoolType.JUNIOR, e, 35_000.0)).isEqualTo(100);
        assertThat(total(books, SchoolType.SENIOR, e, 35_000.0)).isZero();
        assertThat(total(books, SchoolType.SENIOR, e, 45_000.0)).isEqualTo(100);
        // Only the stage's own pupils count: 500 primary pupils need 12,500 books.
        assertThat(total(books, SchoolType.PRIMARY, new Enrolment(500, 0, 0), 12_500.0))
                .isEqualTo(100);
    }

    @Test
    void linearPerPupilPerStage() {
        RuleDef area = RuleDef.linear("x", Standard.perStage(4.0, 5.0, null), true);
        assertThat(total(area, SchoolType.JUNIOR, new Enrolment(0, 800, 0), 2_000.0))
                .isEqualTo(50);
    }

    @Test
    void stageWithoutStandardScoresZeroAndIsFlagged() {
        CompiledScheme s = Schemes.single(RuleDef.threshold("x", ">=", Standard.perStage(25.0, 35.0, null), true));
        ScoreResult r = s.score(SchoolType.SENIOR, new Enrolment(0, 0, 100), Map.of("x", 9_999.0), Map.of());
        assertThat(r.total()).isZero();
        assertThat(r.indicator("A").noStandard()).isTrue();
        // A kindergarten has no stage: only a uniform standard applies to it.
        assertThat(total(
                        RuleDef.threshold("x", ">=", Standard.of(2), true),
                        SchoolType.KINDERGARTEN,
                        new Enrolment(100, 0, 0),
                        200.0))
                .isEqualTo(100);
    }

    @Test
    void perPupilWithoutPupilsScoresZeroAndSaysWhy() {
        ScoreResult r = Schemes.single(RuleDef.threshold("x", ">=", Standard.of(1), true))
                .score(SchoolType.PRIMARY, Enrolment.NONE, Map.of("x", 10.0), Map.of());
        assertThat(r.total()).isZero();
        assertThat(r.problems()).extracting(SchemeProblem::path).containsExactly("enrolment");
    }

    @Test
    void manualScoreIsTakenWithItsReason() {
        CompiledScheme s = Schemes.single(RuleDef.manual());
        ScoreResult r = s.score(SchoolType.PRIMARY, NONE, Map.of(), Map.of("A", ManualScore.of(80, "台账不全")));
        assertThat(r.total()).isEqualTo(80);
        assertThat(r.unscored()).isEmpty();
        assertThat(r.missingReasons()).isEmpty();
        assertThat(r.complete()).isTrue();
    }

    @Test
    void manualMissingIsUnscoredAndZero() {
        ScoreResult r = Schemes.single(RuleDef.manual()).score(SchoolType.PRIMARY, NONE, Map.of(), Map.of());
        assertThat(r.total()).isZero();
        assertThat(r.unscored()).containsExactly("A");
        assertThat(r.indicator("A").unscored()).isTrue();
    }

    @Test
    void manualBelowFullWithoutReasonIsReported() {
        CompiledScheme s = Schemes.single(RuleDef.manual());
        assertThat(s.score(SchoolType.PRIMARY, NONE, Map.of(), Map.of("A", ManualScore.of(90, " ")))
                        .missingReasons())
                .containsExactly("A");
        assertThat(s.score(SchoolType.PRIMARY, NONE, Map.of(), Map.of("A", ManualScore.of(100, null)))
                        .missingReasons())
                .isEmpty();
    }

    @Test
    void manualOutsideRangeIsRejected() {
        CompiledScheme s = Schemes.single(RuleDef.manual());
        for (double bad : new double[] {101, -1, Double.NaN}) {
            ScoreResult r = s.score(SchoolType.PRIMARY, NONE, Map.of(), Map.of("A", ManualScore.of(bad, "x")));
            assertThat(r.total()).isZero();
            assertThat(r.unscored()).containsExactly("A");
            assertThat(r.problems()).extracting(SchemeProblem::path).containsExactly("manual[A].score");
        }
        double[] manual = {150};
        assertThat(s.scoreTotal(SchoolType.PRIMARY, NONE, s.newValues(), manual).total())
                .isZero();
    }

    @Test
    void parentIsTheSumOfItsChildrenAndLeanPathAgreesWithFullPath() {
        SchemeDef def = Schemes.of(
                100,
                Schemes.PASS_FAIL,
                List.of(),
                IndicatorDef.parent(
                        "P1",
                        "办学条件",
                        60,
                        IndicatorDef.leaf(
                                "P1.1", "图书", 30, RuleDef.linear("books", Standard.perStage(25.0, 35.0, null), true)),
                        IndicatorDef.leaf("P1.2", "危房", 30, RuleDef.deduction("danger", 10))),
                IndicatorDef.leaf("P2", "管理", 40, RuleDef.manual()));
        CompiledScheme s = SchemeCompiler.compile(def);
        Enrolment e = new Enrolment(400, 0, 0);
        Map<String, Double> values = Map.of("books", 5_000.0, "danger", 1.0);
        ScoreResult r = s.score(SchoolType.PRIMARY, e, values, Map.of("P2", ManualScore.of(35, "制度不全")));
        assertThat(r.indicator("P1.1").score()).isEqualTo(15);
        assertThat(r.indicator("P1").score()).isEqualTo(35);
        assertThat(r.indicator("P1").points()).isEqualTo(60);
        assertThat(r.total()).isEqualTo(70);
        assertThat(r.indicators()).extracting(IndicatorScore::code).containsExactly("P1", "P1.1", "P1.2", "P2");

        double[] manual = {Double.NaN};
        manual[s.manualSlotOf("P2")] = 35;
        TotalScore lean = s.scoreTotal(SchoolType.PRIMARY, e, s.values(values), manual);
        assertThat(lean.total()).isEqualTo(r.total());
        assertThat(lean.grade()).isEqualTo(r.grade()).isEqualTo("合格");
    }

    @Test
    void compiledSchemeExposesItsSlots() {
        SchemeDef def = Schemes.of(
                100,
                Schemes.PASS_FAIL,
                List.of(),
                IndicatorDef.leaf("A", "a", 50, RuleDef.threshold("x", ">=", Standard.of(1), false)),
                IndicatorDef.leaf("B", "b", 50, RuleDef.linear("y", Standard.of(1), false)));
        CompiledScheme s = SchemeCompiler.compile(def);
        assertThat(s.items()).containsExactly("x", "y");
        assertThat(s.slotOf("y")).isEqualTo(1);
        assertThat(s.slotOf("nope")).isEqualTo(-1);
        assertThat(s.newValues()).hasSize(2).containsOnly(Double.NaN);
    }
}
