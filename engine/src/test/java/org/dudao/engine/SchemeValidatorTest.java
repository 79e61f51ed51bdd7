package org.dudao.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemeValidatorTest {

    private static final RuleDef OK_RULE = RuleDef.threshold("x", ">=", Standard.of(1), false);

    private static List<SchemeProblem> problems(
            List<GradeDef> grades, List<VetoDef> vetoes, IndicatorDef... indicators) {
        return SchemeValidator.validate(Schemes.of(100, grades, vetoes, indicators));
    }

    private static List<SchemeProblem> problems(IndicatorDef... indicators) {
        return problems(Schemes.PASS_FAIL, List.of(), indicators);
    }

    private static IndicatorDef leaf(String code, double points, RuleDef rule) {
        return IndicatorDef.leaf(code, "指标" + code, points, rule);
    }

    @Test
    void validSchemeHasNoProblems() {
        assertThat(problems(
                        IndicatorDef.parent("P", "父", 100, leaf("A", 60, OK_RULE), leaf("B", 40, RuleDef.manual())),
                        IndicatorDef.bonusLeaf("X", "加分", 5, RuleDef.bonus("awards", 1))))
                .isEmpty();
    }

    @Test
    void childrenMustAddUpToTheirParent() {
        List<SchemeProblem> p = problems(
                leaf("A", 5, OK_RULE),
                IndicatorDef.parent("P", "父", 95, leaf("B", 50, OK_RULE), leaf("C", 40, OK_RULE)));
        assertThat(p).contains(new SchemeProblem("indicators[1].points", "子指标分值之和 90 不等于父指标分值 95"));
    }

    @Test
    void topLevelPointsMustAddUpToTheMaximum() {
        assertThat(problems(leaf("A", 60, OK_RULE), leaf("B", 35, OK_RULE)))
                .containsExactly(new SchemeProblem("maxScore", "一级指标分值之和 95 不等于方案总分 100"));
    }

    @Test
    void leafNeedsARuleAndParentMustNotHaveOne() {
        IndicatorDef parentWithRule = new IndicatorDef("P", "父", 100, false, OK_RULE, List.of(leaf("A", 100, OK_RULE)));
        assertThat(problems(parentWithRule)).extracting(SchemeProblem::path).containsExactly("indicators[0].rule");
        assertThat(problems(leaf("A", 100, null)))
                .extracting(SchemeProblem::path)
                .containsExactly("indicators[0].rule");
    }

    @Test
    void unknownRuleTypeAndOpAreReported() {
        assertThat(problems(leaf("A", 100, new RuleDef(null, "x", null, null, false, null))))
                .extracting(SchemeProblem::path)
                .containsExactly("indicators[0].rule.type");
        assertThat(problems(leaf("A", 100, RuleDef.threshold("x", "=>", Standard.of(1), false))))
                .extracting(SchemeProblem::path)
                .containsExactly("indicators[0].rule.op");
    }

    @Test
    void quantitativeRulesNeedAnItemAndAStandard() {
        assertThat(problems(leaf("A", 100, RuleDef.threshold(" ", ">=", Standard.of(1), false))))
                .extracting(SchemeProblem::path)
                .containsExactly("indicators[0].rule.item");
        assertThat(problems(leaf("A", 100, RuleDef.linear("x", null, false))))
                .extracting(SchemeProblem::path)
                .containsExactly("indicators[0].rule.standard");
        assertThat(problems(leaf("A", 100, RuleDef.manual()))).isEmpty();
    }

    @Test
    void deductionAndBonusNeedAPositivePerOccurrence() {
        assertThat(problems(leaf("A", 100, RuleDef.deduction("x", 0))))
                .extracting(SchemeProblem::path)
                .containsExactly("indicators[0].rule.perOccurrence");
        assertThat(problems(
                        leaf("A", 100, OK_RULE),
                        IndicatorDef.bonusLeaf(
                                "B", "加分", 5, new RuleDef(RuleType.BONUS, "y", null, null, false, null))))
                .extracting(SchemeProblem::path)
                .containsExactly("indicators[1].rule.perOccurrence");
    }

    @Test
    void bonusIndicatorNeedsABonusRule() {
        assertThat(problems(leaf("A", 100, OK_RULE), IndicatorDef.bonusLeaf("B", "加分", 5, OK_RULE)))
                .extracting(SchemeProblem::path)
                .containsExactly("indicators[1].rule.type");
    }

    @Test
    void vetoMustCapAtADefinedGrade() {
        List<VetoDef> vetoes = List.of(new VetoDef("V1", "危房", new Condition("ratio", ">", 3), "优秀"));
        assertThat(problems(Schemes.PASS_FAIL, vetoes, leaf("A", 100, OK_RULE)))
                .containsExactly(new SchemeProblem("vetoes[0].capAt", "否决项封顶等级 '优秀' 不是方案中定义的等级"));
    }

    @Test
    void vetoConditionNeedsAnItemAndAKnownOp() {
        List<VetoDef> vetoes = List.of(new VetoDef("V1", "危房", new Condition("", "≥", 3), "不合格"));
        assertThat(problems(Schemes.PASS_FAIL, vetoes, leaf("A", 100, OK_RULE)))
                .extracting(SchemeProblem::path)
                .containsExactly("vetoes[0].when.item", "vetoes[0].when.op");
    }

    @Test
    void duplicatesAreReported() {
        List<GradeDef> grades =
                List.of(GradeDef.atLeast("合格", 60), GradeDef.atLeast("合格", 0), GradeDef.atLeast("良好", 60));
        List<VetoDef> vetoes = List.of(
                new VetoDef("V1", "危房", new Condition("r", ">", 3), "合格"),
                new VetoDef("V1", "危房", new Condition("r", ">", 3), "合格"));
        IndicatorDef a = leaf("A", 50, OK_RULE);
        assertThat(problems(grades, vetoes, a, IndicatorDef.leaf("A", "指标A", 50, OK_RULE)))
                .extracting(SchemeProblem::path)
                .containsExactlyInAnyOrder(
                        "grades[1].name",
                        "grades[2].min",
                        "indicators[1].code",
                        "indicators[1].name",
                        "vetoes[1].code",
                        "vetoes[1].name");
    }

    @Test
    void sameNameUnderDifferentParentsIsFine() {
        assertThat(problems(
                        IndicatorDef.parent("P", "小学", 50, IndicatorDef.leaf("P1", "图书", 50, OK_RULE)),
                        IndicatorDef.parent("Q", "初中", 50, IndicatorDef.leaf("Q1", "图书", 50, OK_RULE))))
                .isEmpty();
    }

    @Test
    void problemsNameNestedPaths() {
        IndicatorDef tree = IndicatorDef.parent(
                "P", "父", 100, IndicatorDef.parent("P1", "子", 100, leaf("P1a", 100, RuleDef.deduction("", 1))));
        assertThat(problems(tree))
                .extracting(SchemeProblem::path)
                .containsExactly("indicators[0].children[0].children[0].rule.item");
    }

    @Test
    void compileRefusesAnInvalidSchemeWithAllItsProblems() {
        SchemeDef bad = Schemes.of(100, List.of(), List.of(), leaf("A", 90, null));
        assertThatThrownBy(() -> SchemeCompiler.compile(bad))
                .isInstanceOfSatisfying(
                        InvalidSchemeException.class,
                        e -> assertThat(e.problems())
                                .extracting(SchemeProblem::path)
                                .containsExactlyInAnyOrder("grades", "indicators[0].rule", "maxScore"));
    }
}
