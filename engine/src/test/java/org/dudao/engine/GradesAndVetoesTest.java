package org.dudao.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GradesAndVetoesTest {

    /** Standardization default (SPEC §2): ≥ 900 达标, 850–900 基本达标, < 850 不达标. */
    private static final List<GradeDef> STANDARDIZATION =
            List.of(GradeDef.atLeast("不达标", 0), GradeDef.atLeast("达标", 900), GradeDef.atLeast("基本达标", 850));

    /** A 1000-point scheme whose total is the expert score of one MANUAL leaf. */
    private static CompiledScheme thousand(List<GradeDef> grades) {
        return SchemeCompiler.compile(
                Schemes.of(1000, grades, List.of(), IndicatorDef.leaf("M", "综合", 1000, RuleDef.manual())));
    }

    private static ScoreResult scored(CompiledScheme s, double score) {
        return s.score(SchoolType.PRIMARY, Enrolment.NONE, Map.of(), Map.of("M", ManualScore.of(score, "评分")));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"1000, 达标", "900, 达标", "899.99, 基本达标", "850, 基本达标", "849.99, 不达标", "0, 不达标"})
    void bandsIncludeTheirMin(double score, String grade) {
        assertThat(scored(thousand(STANDARDIZATION), score).grade()).isEqualTo(grade);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"900.01, 达标", "900, 基本达标", "850.01, 基本达标", "850, 不达标"})
    void exclusiveMinsNeedMoreThanTheMin(double score, String grade) {
        List<GradeDef> exclusive =
                List.of(new GradeDef("达标", 900, true), new GradeDef("基本达标", 850, true), new GradeDef("不达标", 0, false));
        assertThat(scored(thousand(exclusive), score).grade()).isEqualTo(grade);
    }

    @Test
    void lowestBandCatchesTheRestWhateverItsMin() {
        List<GradeDef> grades = List.of(GradeDef.atLeast("达标", 900), GradeDef.atLeast("不达标", 500));
        assertThat(scored(thousand(grades), 100).grade()).isEqualTo("不达标");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "899.995, 900.0",
        "899.994, 899.99",
        "849.985, 849.99",
        "0.005, 0.01",
        "0.015, 0.02",
        "1.005, 1.01",
        "2.675, 2.68",
        "123.4549, 123.45",
        "100, 100"
    })
    void totalsRoundHalfUpToTwoDecimals(double raw, double rounded) {
        assertThat(CompiledScheme.round2(raw)).isEqualTo(rounded);
    }

    @Test
    void roundingDecidesTheGradeAtTheBoundary() {
        // 899.995 rounds to 900.00, so the unit is 达标.
        ScoreResult r = scored(thousand(STANDARDIZATION), 899.995);
        assertThat(r.total()).isEqualTo(900.0);
        assertThat(r.grade()).isEqualTo("达标");
    }

    @Test
    void sumOfManyDecimalLeavesRoundsAsWritten() {
        // Ten leaves of 89.9995 add up to 899.995 in decimal but not exactly in binary.
        IndicatorDef[] leaves = new IndicatorDef[10];
        for (int i = 0; i < 10; i++) leaves[i] = IndicatorDef.leaf("L" + i, "指标" + i, 100, RuleDef.manual());
        CompiledScheme s = SchemeCompiler.compile(Schemes.of(1000, STANDARDIZATION, List.of(), leaves));
        Map<String, ManualScore> manual = new java.util.HashMap<>();
        for (int i = 0; i < 10; i++) manual.put("L" + i, ManualScore.of(89.9995, "评分"));
        assertThat(s.score(SchoolType.PRIMARY, Enrolment.NONE, Map.of(), manual).total())
                .isEqualTo(900.0);
    }

    /** SPEC §2, county level (001): 91.5/100, D级危房 16.21% > 3% → capped at 合格县. */
    private static CompiledScheme county() {
        List<GradeDef> grades =
                List.of(GradeDef.atLeast("先进县", 90), GradeDef.atLeast("合格县", 75), GradeDef.atLeast("不合格县", 0));
        List<VetoDef> vetoes = List.of(
                new VetoDef("V1", "D级危房占比超标", new Condition("dangerous_building_ratio", ">", 3), "合格县"),
                new VetoDef("V2", "重大安全责任事故", new Condition("major_accidents", ">=", 1), "不合格县"));
        return SchemeCompiler.compile(
                Schemes.of(100, grades, vetoes, IndicatorDef.leaf("M", "综合", 100, RuleDef.manual())));
    }

    @Test
    void vetoCapsTheGradeOfTheCountyExample() {
        CompiledScheme s = county();
        Map<String, Double> values = Map.of("dangerous_building_ratio", 16.21, "major_accidents", 0.0);
        ScoreResult r = s.score(SchoolType.OTHER, Enrolment.NONE, values, Map.of("M", ManualScore.of(91.5, "评分")));
        assertThat(r.total()).isEqualTo(91.5);
        assertThat(r.gradeByScore()).isEqualTo("先进县");
        assertThat(r.grade()).isEqualTo("合格县");
        assertThat(r.vetoes()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("V1");
            assertThat(v.name()).isEqualTo("D级危房占比超标");
            assertThat(v.value()).isEqualTo(16.21);
            assertThat(v.evidence()).contains("16.21", "> 3", "合格县");
        });
        double[] manual = {91.5};
        TotalScore lean = s.scoreTotal(SchoolType.OTHER, Enrolment.NONE, s.values(values), manual);
        assertThat(lean.grade()).isEqualTo("合格县");
        assertThat(lean.vetoes()).extracting(FiredVeto::code).containsExactly("V1");
    }

    @Test
    void vetoNeverRaisesAGradeAndTheLowestCapWins() {
        CompiledScheme s = county();
        ScoreResult low = s.score(
                SchoolType.OTHER,
                Enrolment.NONE,
                Map.of("dangerous_building_ratio", 5.0),
                Map.of("M", ManualScore.of(60, "评分")));
        assertThat(low.grade()).isEqualTo("不合格县");
        assertThat(low.vetoes()).hasSize(1);

        ScoreResult both = s.score(
                SchoolType.OTHER,
                Enrolment.NONE,
                Map.of("dangerous_building_ratio", 5.0, "major_accidents", 1.0),
                Map.of("M", ManualScore.of(95, "评分")));
        assertThat(both.grade()).isEqualTo("不合格县");
        assertThat(both.vetoes()).extracting(FiredVeto::code).containsExactly("V1", "V2");
    }

    @Test
    void vetoOnAMissingOrHarmlessValueDoesNotFire() {
        CompiledScheme s = county();
        ScoreResult r = s.score(
                SchoolType.OTHER,
                Enrolment.NONE,
                Map.of("dangerous_building_ratio", 3.0),
                Map.of("M", ManualScore.of(91.5, "评分")));
        assertThat(r.vetoes()).isEmpty();
        assertThat(r.grade()).isEqualTo("先进县");
        assertThat(r.missingItems()).containsExactly("major_accidents");
    }
}
