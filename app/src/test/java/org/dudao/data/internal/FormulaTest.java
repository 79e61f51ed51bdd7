package org.dudao.data.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.dudao.data.Computed;
import org.junit.jupiter.api.Test;

/** The formula parser of derived items: precedence, errors with positions, 无法计算 with the reason. */
class FormulaTest {

    /** Inputs from a map of stored numbers; reasons spelled as the Chinese bundle does. */
    private static Formula.Inputs inputs(Map<String, String> values) {
        return new Formula.Inputs() {
            @Override
            public Computed value(String code) {
                String v = values.get(code);
                return v == null ? null : Computed.of(new BigDecimal(v));
            }

            @Override
            public String name(String code) {
                return Map.of("students_primary", "小学在校生", "books", "图书册数").getOrDefault(code, code);
            }

            @Override
            public String missing(String name) {
                return "缺少" + name;
            }

            @Override
            public String zero(String what) {
                return what + "为 0";
            }
        };
    }

    private static BigDecimal eval(String formula, Map<String, String> values) {
        Computed c = Formula.parse(formula).evaluate(inputs(values));
        assertThat(c.reason()).isNull();
        return c.value();
    }

    @Test
    void multiplicationAndDivisionBindTighterThanAdditionLeftToRight() {
        assertThat(eval("1 + 2 * 3", Map.of())).isEqualByComparingTo("7");
        assertThat(eval("(1 + 2) * 3", Map.of())).isEqualByComparingTo("9");
        assertThat(eval("8 / 4 / 2", Map.of())).isEqualByComparingTo("1");
        assertThat(eval("10 - 4 - 3", Map.of())).isEqualByComparingTo("3");
        assertThat(eval("-2 * -3 + +1", Map.of())).isEqualByComparingTo("7");
        assertThat(eval("2 × （3 + 1） ÷ 4", Map.of())).isEqualByComparingTo("2");
        assertThat(eval("100 * computers / students", Map.of("computers", "45", "students", "600")))
                .isEqualByComparingTo("7.5");
        assertThat(eval("1 / 3", Map.of())).isEqualByComparingTo("0.3333333333333333");
    }

    @Test
    void sumAddsTheItemsThatHaveAValue() {
        Formula f = Formula.parse("sum(a, b, c)");
        assertThat(f.codes()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(eval("books / sum(a, b，c)", Map.of("books", "900", "a", "200", "c", "100")))
                .isEqualByComparingTo("3");
        assertThat(Formula.parse("sum(a, b)").evaluate(inputs(Map.of())).reason())
                .isEqualTo("缺少a+b");
    }

    @Test
    void divisionByZeroAndMissingInputsAreNotComputableWithTheReasonNeverZero() {
        Formula perPupil = Formula.parse("books / students_primary");
        assertThat(perPupil.codes()).containsExactlyInAnyOrder("books", "students_primary");
        Computed zero = perPupil.evaluate(inputs(Map.of("books", "9000", "students_primary", "0")));
        assertThat(zero.computable()).isFalse();
        assertThat(zero.value()).isNull();
        assertThat(zero.reason()).isEqualTo("小学在校生为 0");
        assertThat(perPupil.evaluate(inputs(Map.of("books", "9000"))).reason()).isEqualTo("缺少小学在校生");
        assertThat(Formula.parse("books / (students_primary - 100)")
                        .evaluate(inputs(Map.of("books", "1", "students_primary", "100")))
                        .reason())
                .isEqualTo("(小学在校生 - 100)为 0");
    }

    @Test
    void refusesWhatItCannotReadSayingWhere() {
        assertThatThrownBy(() -> Formula.parse("books / "))
                .isInstanceOfSatisfying(
                        Formula.Invalid.class, e -> assertThat(e.key()).isEqualTo("data.formula.end"));
        assertThatThrownBy(() -> Formula.parse("books $ 2")).isInstanceOfSatisfying(Formula.Invalid.class, e -> {
            assertThat(e.key()).isEqualTo("data.formula.unexpected");
            assertThat(e.args()).containsExactly(7, "$");
        });
        assertThatThrownBy(() -> Formula.parse("(books / 2")).isInstanceOf(Formula.Invalid.class);
        assertThatThrownBy(() -> Formula.parse("books 2")).isInstanceOf(Formula.Invalid.class);
        assertThatThrownBy(() -> Formula.parse("Books / 2")).isInstanceOf(Formula.Invalid.class);
        assertThatThrownBy(() -> Formula.parse("1.2.3")).isInstanceOf(Formula.Invalid.class);
        assertThatThrownBy(() -> Formula.parse("max(a, b)"))
                .isInstanceOfSatisfying(
                        Formula.Invalid.class, e -> assertThat(e.key()).isEqualTo("data.formula.function"));
        assertThatThrownBy(() -> Formula.parse("  "))
                .isInstanceOfSatisfying(
                        Formula.Invalid.class, e -> assertThat(e.key()).isEqualTo("data.formula.empty"));
        assertThatThrownBy(() -> Formula.parse("1+".repeat(300) + "1")).isInstanceOf(Formula.Invalid.class);
    }
}
