package org.dudao.engine;

import java.util.List;
import java.util.Map;

/** Small schemes for tests. */
final class Schemes {

    static final List<GradeDef> PASS_FAIL = List.of(GradeDef.atLeast("合格", 60), GradeDef.atLeast("不合格", 0));

    private Schemes() {}

    static SchemeDef of(double max, List<GradeDef> grades, List<VetoDef> vetoes, IndicatorDef... indicators) {
        return new SchemeDef("S1", "测试方案", max, grades, List.of(indicators), vetoes);
    }

    /** One leaf worth 100 points. */
    static CompiledScheme single(RuleDef rule) {
        return SchemeCompiler.compile(of(100, PASS_FAIL, List.of(), IndicatorDef.leaf("A", "指标A", 100, rule)));
    }

    /** The total scored by a single-leaf scheme for a value of item "x". */
    static double total(RuleDef rule, SchoolType type, Enrolment e, Double x) {
        return single(rule)
                .score(type, e, x == null ? Map.of() : Map.of("x", x), Map.of())
                .total();
    }

    static Map<String, ManualScore> noManual() {
        return Map.of();
    }
}
