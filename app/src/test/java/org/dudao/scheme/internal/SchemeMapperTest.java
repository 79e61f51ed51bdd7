package org.dudao.scheme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dudao.engine.SchemeDef;
import org.dudao.scheme.SchemeDoc;
import org.junit.jupiter.api.Test;

/** Plain tests of the JSON ↔ engine mapping and the app's own checks. */
class SchemeMapperTest {

    private static SchemeDoc.Indicator row(String code, String parent, double points, String type) {
        return new SchemeDoc.Indicator(
                code,
                "指标" + code,
                points,
                null,
                type == null ? null : new SchemeDoc.Rule(type, null, null, null, null, null),
                null,
                parent);
    }

    private static SchemeDoc doc(List<SchemeDoc.Indicator> indicators) {
        return new SchemeDoc(
                "T",
                "测试",
                10.0,
                List.of(new SchemeDoc.Grade("合格", 0.0, null)),
                indicators,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void aFlatListNamingParentsBecomesATree() {
        SchemeMapper.Mapped m = SchemeMapper.check(
                doc(List.of(row("A1", "A", 4, "MANUAL"), row("A", "", 10, null), row("A2", "A", 6, "manual"))));
        assertThat(m.problems()).isEmpty();
        SchemeDef def = m.def();
        assertThat(def.indicators()).hasSize(1);
        assertThat(def.indicators().get(0).children()).extracting(d -> d.code()).containsExactly("A1", "A2");
    }

    @Test
    void unknownParentsAndCyclesAreNamed() {
        SchemeMapper.Mapped m = SchemeMapper.check(doc(List.of(
                row("R", "", 10, "MANUAL"),
                row("P", "Q", 5, null),
                row("Q", "P", 5, null),
                row("S", "NOPE", 1, "MANUAL"),
                row("T", "T", 1, "MANUAL"))));
        assertThat(m.problems())
                .extracting(SchemeDoc.Problem::field)
                .contains(
                        "indicators[1].parent", "indicators[2].parent", "indicators[3].parent", "indicators[4].parent");
        assertThat(m.problems())
                .filteredOn(p -> p.field().equals("indicators[3].parent"))
                .extracting(SchemeDoc.Problem::message)
                .first()
                .asString()
                .contains("NOPE");
    }

    @Test
    void theStoredFormDropsWhatARuleDoesNotUse() {
        SchemeDoc in = doc(List.of(new SchemeDoc.Indicator(
                " A ",
                "甲",
                10.0,
                false,
                new SchemeDoc.Rule("MANUAL", "books", ">=", SchemeDoc.Standard.of(3), true, 2.0),
                null,
                null)));
        SchemeDoc out = SchemeMapper.toDoc(SchemeMapper.check(in).def());
        assertThat(out.indicators().get(0).code()).isEqualTo("A");
        assertThat(out.indicators().get(0).bonus()).isNull();
        assertThat(out.indicators().get(0).rule())
                .isEqualTo(new SchemeDoc.Rule("MANUAL", "books", null, null, null, null));
    }

    @Test
    void badCodesAndVetoesWithoutValueAreReported() {
        SchemeDoc bad = new SchemeDoc(
                "含 空格",
                "测试",
                10.0,
                List.of(new SchemeDoc.Grade("合格", 0.0, null)),
                List.of(row("A", null, 10, "MANUAL")),
                List.of(new SchemeDoc.Veto("V", "否决", new SchemeDoc.Condition("books", ">", null), "合格")),
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(SchemeMapper.check(bad).problems())
                .extracting(SchemeDoc.Problem::field)
                .containsExactly("code", "vetoes[0].when.value");
    }

    @Test
    void whatIfValuesAcceptNumbersBooleansAndNumericText() {
        assertThat(SchemeScoring.number("28,000")).isEqualTo(28000.0);
        assertThat(SchemeScoring.number(true)).isEqualTo(1.0);
        assertThat(SchemeScoring.number("否")).isEqualTo(0.0);
        assertThat(SchemeScoring.number("3.5%")).isEqualTo(3.5);
        assertThat(SchemeScoring.number(" ")).isNull();
        assertThat(SchemeScoring.number("abc")).isNaN();
        assertThat(SchemeScoring.parseKind("九年一贯制")).isEqualTo(org.dudao.engine.SchoolType.NINE_YEAR);
        assertThat(SchemeScoring.parseKind("COMPLETE_SECONDARY"))
                .isEqualTo(org.dudao.engine.SchoolType.COMPLETE_SECONDARY);
        assertThat(SchemeScoring.parseKind("大学")).isNull();
    }
}
