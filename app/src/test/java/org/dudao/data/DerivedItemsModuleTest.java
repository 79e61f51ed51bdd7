package org.dudao.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dudao.shared.FieldProblem;
import org.dudao.shared.InvalidInputException;
import org.dudao.support.AsSystem;
import org.dudao.support.ModuleTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Derived items and items other features compute, on the data module alone: read like stored values by every
 * reader, 无法计算 with the reason, never typed, formulas checked for unknown items and cycles.
 */
@ModuleTest
@Import(DerivedItemsModuleTest.Coefficients.class)
class DerivedItemsModuleTest {

    /** Stands in for the balance feature: computes cv_primary for one unit, and cannot for the others. */
    @TestConfiguration
    static class Coefficients {
        @Bean
        ComputedItems coefficients() {
            return new ComputedItems() {
                @Override
                public Set<String> codes() {
                    return Set.of("cv_primary");
                }

                @Override
                public Computed value(Long orgUnitId, String period, String itemCode) {
                    return orgUnitId.equals(computedFor)
                            ? Computed.of(new BigDecimal("0.3685"))
                            : Computed.notComputable("没有学校");
                }
            };
        }
    }

    static Long computedFor;

    @Autowired
    DataValues values;

    @Autowired
    DataItems items;

    @Autowired
    JdbcTemplate jdbc;

    long school;
    long empty;

    @BeforeEach
    void units() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        school = unit("DV-S1");
        empty = unit("DV-S2");
        computedFor = school;
    }

    @AfterEach
    void locale() {
        LocaleContextHolder.resetLocaleContext();
    }

    private long unit(String code) {
        List<Long> ids = jdbc.queryForList("select id from org_unit where code = ?", Long.class, code);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        jdbc.update(
                "insert into org_unit (code, name, kind, path, depth, created_at, updated_at)"
                        + " values (?, ?, 'PRIMARY', ?, 0, current_timestamp, current_timestamp)",
                code,
                code,
                "/" + code + "/");
        return jdbc.queryForObject("select id from org_unit where code = ?", Long.class, code);
    }

    private void put(long unit, String period, String item, String value) {
        AsSystem.get(() -> values.putNumber(unit, "/x/", period, item, value == null ? null : new BigDecimal(value)));
    }

    @Test
    void derivedValuesAreReadLikeStoredOnesByEveryReader() {
        put(school, "2061", "books", "9712");
        put(school, "2061", "students_primary", "166");
        put(school, "2061", "computers", "30");
        List<String> codes = List.of("books", "books_per_pupil", "computers_per_100_pupils", "students_total");

        assertThat(values.numbers(school, "2061", codes))
                .containsOnlyKeys(codes)
                .hasEntrySatisfying("books_per_pupil", n -> assertThat(n).isEqualByComparingTo("58.5060"))
                .hasEntrySatisfying(
                        "computers_per_100_pupils", n -> assertThat(n).isEqualByComparingTo("18.0723"))
                .hasEntrySatisfying("students_total", n -> assertThat(n).isEqualByComparingTo("166"));
        // the bulk path the engine scores on sees the same numbers, by the position asked
        Map<Long, Map<Integer, Double>> streamed = new HashMap<>();
        values.eachNumber(
                List.of(school, empty),
                "2061",
                codes,
                (unit, item, value) ->
                        streamed.computeIfAbsent(unit, u -> new HashMap<>()).put(item, value));
        assertThat(streamed.get(school))
                .containsEntry(0, 9712.0)
                .containsEntry(1, 58.506)
                .containsEntry(3, 166.0);
        assertThat(streamed).doesNotContainKey(empty);

        // inputs change → the derived value changes; it is never stored
        put(school, "2061", "students_junior", "210");
        assertThat(values.numbers(school, "2061", List.of("books_per_pupil")).get("books_per_pupil"))
                .isEqualByComparingTo("25.8298");
        assertThat(jdbc.queryForObject(
                        "select count(*) from data_value v join data_item i on i.id = v.item_id"
                                + " where i.formula is not null",
                        Integer.class))
                .isZero();
    }

    @Test
    void divisionByZeroOrAMissingInputIsNotComputableWithTheReasonNeverZero() {
        put(school, "2062", "books", "500");
        put(school, "2062", "students_primary", "0");
        List<String> codes = List.of("books_per_pupil", "pupils_per_teacher");

        assertThat(values.numbers(school, "2062", codes)).isEmpty();
        Map<String, Computed> shown =
                values.computed(List.of(school), "2062", codes).get(school);
        assertThat(shown.get("books_per_pupil").computable()).isFalse();
        assertThat(shown.get("books_per_pupil").reason()).isEqualTo("在校生数合计为 0");
        assertThat(shown.get("pupils_per_teacher").reason()).isEqualTo("缺少专任教师数");
        // the engine's bulk path sees a missing value, not 0
        List<Double> streamed = new ArrayList<>();
        values.eachNumber(List.of(school), "2062", codes, (unit, item, value) -> streamed.add(value));
        assertThat(streamed).isEmpty();
    }

    @Test
    void valuesAnotherFeatureComputesAreReadThroughItsBean() {
        put(school, "2063", "students_primary", "400");
        assertThat(values.numbers(school, "2063", List.of("cv_primary", "students_primary")))
                .hasEntrySatisfying("cv_primary", n -> assertThat(n).isEqualByComparingTo("0.3685"))
                .hasEntrySatisfying("students_primary", n -> assertThat(n).isEqualByComparingTo("400"));
        assertThat(values.computed(List.of(empty), "2063", List.of("cv_primary"))
                        .get(empty)
                        .get("cv_primary")
                        .reason())
                .isEqualTo("没有学校");
        assertThat(values.isComputed(values.item("cv_primary"))).isTrue();
        assertThat(values.isComputed(values.item("books_per_pupil"))).isTrue();
        assertThat(values.isComputed(values.item("books"))).isFalse();
        assertThat(items.computedElsewhere()).contains("cv_primary");
    }

    @Test
    void writesOfComputedItemsAreRefusedNamingTheItem() {
        for (String code : List.of("books_per_pupil", "cv_primary")) {
            DataItem item = values.item(code);
            assertThatThrownBy(() -> AsSystem.get(() -> values.writeAll(
                            List.of(
                                    new ValueWrite(
                                            school, "/x/", values.item("books"), "2064", BigDecimal.TEN, null, null),
                                    new ValueWrite(school, "/x/", item, "2064", BigDecimal.ONE, null, null)),
                            "API",
                            false)))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.problems())
                                    .extracting(FieldProblem::field)
                                    .containsExactly(code));
        }
        assertThat(values.numbers(school, "2064", List.of("books"))).isEmpty();
    }

    private static DataItemForm form(String code, String formula) {
        return new DataItemForm(code, code, null, "NUMBER", null, null, false, "NONE", "YEAR", null, formula, null);
    }

    private static void refused(Runnable step, String key) {
        assertThatThrownBy(() -> AsSystem.get(() -> {
                    step.run();
                    return null;
                }))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).anySatisfy(p -> {
                            assertThat(p.field()).isEqualTo("formula");
                            assertThat(p.message()).isEqualTo(key);
                        }));
    }

    @Test
    void formulasReadingUnknownItemsOrThemselvesAreRefused() {
        refused(() -> items.create(form("dv_unknown", "books / nope")), "data.item.formula-unknown");
        refused(() -> items.create(form("dv_bad", "books / ")), "data.formula.end");
        refused(() -> items.create(form("dv_self", "dv_self + 1")), "data.item.formula-cycle");
        refused(
                () -> items.create(new DataItemForm(
                        "dv_text",
                        "dv_text",
                        null,
                        "TEXT",
                        null,
                        null,
                        false,
                        "NONE",
                        "YEAR",
                        null,
                        "books / 2",
                        null)),
                "data.item.formula-numeric");

        AsSystem.get(() -> items.create(form("dv_a", "books * 2")));
        AsSystem.get(() -> items.create(form("dv_b", "dv_a + 1")));
        // dv_a → dv_b → dv_a
        refused(() -> items.update("dv_a", form("dv_a", "dv_b / 2")), "data.item.formula-cycle");
        assertThatThrownBy(() -> AsSystem.get(() -> {
                    items.delete("dv_a");
                    return null;
                }))
                .isInstanceOf(org.dudao.shared.ConflictException.class);
        put(school, "2065", "books", "10");
        assertThat(values.numbers(school, "2065", List.of("dv_b")).get("dv_b")).isEqualByComparingTo("21");
        assertThat(AsSystem.get(() -> items.get("dv_b")).formula()).isEqualTo("dv_a + 1");
    }
}
