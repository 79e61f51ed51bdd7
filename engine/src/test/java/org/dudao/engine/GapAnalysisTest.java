package org.dudao.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GapAnalysisTest {

    private static final Standard BOOKS = Standard.perStage(25.0, 35.0, 45.0);

    private static CompiledScheme books(RuleDef rule) {
        return SchemeCompiler.compile(
                Schemes.of(100, Schemes.PASS_FAIL, List.of(), IndicatorDef.leaf("B", "生均图书", 100, rule)));
    }

    @Test
    void nineYearSchoolNeedsAThousandMoreBooks() {
        GapReport r = GapAnalysis.analyse(
                books(RuleDef.threshold("books", ">=", BOOKS, true)),
                SchoolType.NINE_YEAR,
                new Enrolment(600, 400, 0),
                Map.of("books", 28_000.0),
                Map.of());
        assertThat(r.gaps()).singleElement().satisfies(g -> {
            assertThat(g.pointsLost()).isEqualTo(100);
            assertThat(g.current()).isEqualTo(28_000);
            assertThat(g.required()).isEqualTo(29_000);
            assertThat(g.additional()).isEqualTo(1_000);
            assertThat(g.cost()).isCloseTo(1_000.0 / 29_000, within(1e-12));
            assertThat(g.advice()).isEqualTo("还需增加 1,000（books），生均达到 29");
        });
    }

    @Test
    void completeSecondaryNeedsTheWholeSchoolResourceSoTheJuniorShareMeetsTheStandard() {
        // 初中 share of R is 0.6·R; 35 × 1,200 = 42,000 → R = 70,000; with 60,000 books 10,000 more.
        GapReport r = GapAnalysis.analyse(
                books(RuleDef.linear("books", BOOKS, true)),
                SchoolType.COMPLETE_SECONDARY,
                new Enrolment(0, 1200, 800),
                Map.of("books", 60_000.0),
                Map.of());
        Gap g = r.gaps().get(0);
        assertThat(g.required()).isEqualTo(70_000);
        assertThat(g.additional()).isEqualTo(10_000);
        assertThat(g.pointsLost()).isCloseTo(100 - 100 * 30.0 / 35, within(1e-9));
    }

    @Test
    void whatIfTheGapIsClosed() {
        CompiledScheme s = books(RuleDef.threshold("books", ">=", BOOKS, true));
        Enrolment e = new Enrolment(600, 400, 0);
        double[] values = s.values(Map.of("books", 28_000.0));
        assertThat(GapAnalysis.whatIf(s, SchoolType.NINE_YEAR, e, values, Map.of(), Map.of("books", 29_000.0))
                        .total())
                .isEqualTo(100);
        assertThat(values[0]).isEqualTo(28_000);
    }

    @Test
    void deductionManualAndMaxRateGaps() {
        SchemeDef def = Schemes.of(
                100,
                Schemes.PASS_FAIL,
                List.of(),
                IndicatorDef.leaf("D", "安全事故", 20, RuleDef.deduction("accidents", 5)),
                IndicatorDef.leaf("M", "管理", 30, RuleDef.manual()),
                IndicatorDef.leaf("R", "辍学率", 50, RuleDef.threshold("dropout", "<=", Standard.of(3), false)));
        GapReport r = GapAnalysis.analyse(
                SchemeCompiler.compile(def),
                SchoolType.JUNIOR,
                new Enrolment(0, 500, 0),
                Map.of("accidents", 2.0, "dropout", 4.5),
                Map.of("M", ManualScore.of(25, "档案不全")));
        assertThat(r.gaps()).extracting(Gap::indicator).containsExactly("D", "M", "R");
        Gap d = r.gaps().get(0), m = r.gaps().get(1), rate = r.gaps().get(2);
        assertThat(d.additional()).isEqualTo(-2);
        assertThat(d.advice()).startsWith("需消除 2 次");
        assertThat(m.additional()).isEqualTo(5);
        assertThat(m.cost()).isEqualTo(1.0);
        assertThat(rate.additional()).isEqualTo(-1.5);
        assertThat(rate.advice()).isEqualTo("需减少 1.5（dropout），不超过 3");
        assertThat(rate.cost()).isEqualTo(0.5);
    }

    /** 1000-point scheme: five quantitative leaves of 20 and one manual of 900 (scored 830). */
    private static GapReport standardization(Map<String, Double> values, List<VetoDef> vetoes) {
        List<GradeDef> grades =
                List.of(GradeDef.atLeast("达标", 900), GradeDef.atLeast("基本达标", 850), GradeDef.atLeast("不达标", 0));
        SchemeDef def = Schemes.of(
                1000,
                grades,
                vetoes,
                IndicatorDef.leaf("A", "图书", 20, RuleDef.threshold("books", ">=", Standard.of(30), true)),
                IndicatorDef.leaf("B", "计算机", 20, RuleDef.threshold("computers", ">=", Standard.of(0.1), true)),
                IndicatorDef.leaf("C", "运动场", 20, RuleDef.threshold("field", ">=", Standard.of(8), true)),
                IndicatorDef.leaf("D", "仪器", 20, RuleDef.threshold("equipment", ">=", Standard.of(1000), true)),
                IndicatorDef.leaf("E", "绿化", 20, RuleDef.threshold("green", ">=", Standard.of(35), false)),
                IndicatorDef.leaf("M", "综合管理", 900, RuleDef.manual()));
        return GapAnalysis.analyse(
                SchemeCompiler.compile(def),
                SchoolType.PRIMARY,
                new Enrolment(1000, 0, 0),
                values,
                Map.of("M", ManualScore.of(830, "评估意见")));
    }

    @Test
    void nextGradePlanPicksTheCheapestSetOfGaps() {
        // All five quantitative leaves fail: total 830 → 不达标; 基本达标 needs 20 more points, i.e. one leaf.
        // Shortfalls: books 1/30, computers 0.5, field 0.9/8 ≈ 0.11, equipment 0.5, green 0.2.
        Map<String, Double> values =
                Map.of("books", 29_000.0, "computers", 50.0, "field", 7_100.0, "equipment", 500_000.0, "green", 28.0);
        GradePlan plan = standardization(values, List.of()).nextGrade();
        assertThat(plan.currentGrade()).isEqualTo("不达标");
        assertThat(plan.targetGrade()).isEqualTo("基本达标");
        assertThat(plan.pointsNeeded()).isEqualTo(20);
        assertThat(plan.close()).extracting(Gap::indicator).containsExactly("A");
        assertThat(plan.exact()).isTrue();
        assertThat(plan.reachable()).isTrue();
        assertThat(plan.summary()).contains("图书", "还需增加 1,000");
    }

    @Test
    void planCombinesGapsWhenOneIsNotEnough() {
        // At 850 (基本达标: M scored 830 + books met) the next grade needs 50 more points.
        Map<String, Double> values =
                Map.of("books", 30_000.0, "computers", 50.0, "field", 7_100.0, "equipment", 300_000.0, "green", 28.0);
        GapReport r = standardization(values, List.of());
        assertThat(r.result().total()).isEqualTo(850);
        GradePlan plan = r.nextGrade();
        assertThat(plan.targetGrade()).isEqualTo("达标");
        assertThat(plan.pointsNeeded()).isEqualTo(50);
        // Candidates: M (70 points, cost 1), computers 0.5, field 0.1125, equipment 0.7, green 0.2 (20 each).
        // Three quantitative leaves are needed; computers + field + green cost 0.8125 < 1 for the manual gap.
        assertThat(plan.close()).extracting(Gap::indicator).containsExactly("B", "C", "E");
        assertThat(plan.cost()).isCloseTo(0.8125, within(1e-9));
    }

    @Test
    void vetoBlocksTheNextGradeWhateverThePoints() {
        List<VetoDef> vetoes = List.of(new VetoDef("V1", "D级危房在用", new Condition("d_buildings", ">", 0), "不达标"));
        Map<String, Double> values = Map.of(
                "books",
                30_000.0,
                "computers",
                100.0,
                "field",
                8_000.0,
                "equipment",
                1_000_000.0,
                "green",
                35.0,
                "d_buildings",
                1.0);
        GapReport r = standardization(values, vetoes);
        assertThat(r.result().gradeByScore()).isEqualTo("达标");
        assertThat(r.result().grade()).isEqualTo("不达标");
        GradePlan plan = r.nextGrade();
        assertThat(plan.targetGrade()).isEqualTo("基本达标");
        assertThat(plan.pointsNeeded()).isZero();
        assertThat(plan.blockingVetoes()).extracting(FiredVeto::code).containsExactly("V1");
        assertThat(plan.summary()).contains("须先消除否决项", "D级危房在用");
    }

    @Test
    void unreachableTargetIsSaid() {
        // 优秀 needs more than the scheme's 100 points: closing every gap still falls short.
        List<GradeDef> grades = List.of(GradeDef.atLeast("优秀", 100.5), GradeDef.atLeast("其他", 0));
        CompiledScheme s = SchemeCompiler.compile(Schemes.of(
                100, grades, List.of(), IndicatorDef.leaf("A", "a", 100, RuleDef.linear("x", Standard.of(10), false))));
        GapReport r = GapAnalysis.analyse(s, SchoolType.PRIMARY, Enrolment.NONE, Map.of("x", 5.0), Map.of());
        assertThat(r.nextGrade().reachable()).isFalse();
        assertThat(r.nextGrade().pointsNeeded()).isEqualTo(50.5);
        assertThat(r.nextGrade().summary()).contains("无法达到");
    }

    @Test
    void theExactPlanIsTheCheapestSetOfGapsThatReachesTheGrade() {
        java.util.Random random = new java.util.Random(17);
        for (int round = 0; round < 300; round++) {
            int n = 1 + random.nextInt(10);
            IndicatorDef[] leaves = new IndicatorDef[n];
            double[] values = new double[n];
            int max = 0;
            for (int i = 0; i < n; i++) {
                int points = 1 + random.nextInt(40);
                max += points;
                leaves[i] =
                        IndicatorDef.leaf("L" + i, "指标" + i, points, RuleDef.linear("x" + i, Standard.of(100), false));
                values[i] = random.nextInt(101);
            }
            CompiledScheme probe = SchemeCompiler.compile(Schemes.of(max, Schemes.PASS_FAIL, List.of(), leaves));
            double total = GapAnalysis.analyse(probe, SchoolType.PRIMARY, Enrolment.NONE, values, Map.of())
                    .result()
                    .total();
            double bar = total + 0.01 + random.nextInt(4_000) / 100.0;
            List<GradeDef> grades = List.of(GradeDef.atLeast("达标", bar), GradeDef.atLeast("不达标", 0));
            CompiledScheme s = SchemeCompiler.compile(Schemes.of(max, grades, List.of(), leaves));
            GapReport r = GapAnalysis.analyse(s, SchoolType.PRIMARY, Enrolment.NONE, values, Map.of());
            List<Gap> gaps = r.gaps();
            long need =
                    (long) Math.ceil(bar * 100 - 1e-7) - Math.round(r.result().total() * 100);
            double cheapest = Double.POSITIVE_INFINITY;
            for (int mask = 0; mask < 1 << gaps.size(); mask++) {
                long got = 0;
                double cost = 0;
                for (int i = 0; i < gaps.size(); i++) {
                    if ((mask & 1 << i) != 0) {
                        got += (long) Math.floor(gaps.get(i).pointsLost() * 100 + 1e-7);
                        cost += gaps.get(i).cost();
                    }
                }
                if (got >= need) cheapest = Math.min(cheapest, cost);
            }
            GradePlan plan = r.nextGrade();
            assertThat(plan.exact()).isTrue();
            assertThat(plan.reachable()).as("round %d", round).isEqualTo(cheapest < Double.POSITIVE_INFINITY);
            if (plan.reachable()) {
                assertThat(plan.cost()).as("round %d", round).isCloseTo(cheapest, within(1e-9));
            }
        }
    }

    @Test
    void greedyFallbackStillReachesTheTarget() {
        int n = 400;
        IndicatorDef[] leaves = new IndicatorDef[n];
        for (int i = 0; i < n; i++) {
            leaves[i] = IndicatorDef.leaf("L" + i, "指标" + i, 25, RuleDef.linear("x" + i, Standard.of(100), false));
        }
        List<GradeDef> grades = List.of(GradeDef.atLeast("达标", 9_000), GradeDef.atLeast("不达标", 0));
        CompiledScheme s = SchemeCompiler.compile(Schemes.of(10_000, grades, List.of(), leaves));
        double[] values = s.newValues();
        for (int i = 0; i < n; i++) values[i] = 50 + (i % 50);
        GapReport r = GapAnalysis.analyse(s, SchoolType.PRIMARY, Enrolment.NONE, values, Map.of());
        GradePlan plan = r.nextGrade();
        assertThat(plan.exact()).isFalse();
        double recovered = plan.close().stream().mapToDouble(Gap::pointsLost).sum();
        assertThat(r.result().total() + recovered).isGreaterThanOrEqualTo(9_000);
        assertThat(plan.close()).allSatisfy(g -> assertThat(g.cost()).isLessThanOrEqualTo(0.5));
    }

    @Test
    void topGradeHasNoNextGrade() {
        GapReport r = GapAnalysis.analyse(
                books(RuleDef.threshold("books", ">=", BOOKS, true)),
                SchoolType.PRIMARY,
                new Enrolment(10, 0, 0),
                Map.of("books", 250.0),
                Map.of());
        assertThat(r.gaps()).isEmpty();
        assertThat(r.nextGrade().targetGrade()).isNull();
    }
}
