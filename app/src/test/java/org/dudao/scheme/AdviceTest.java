package org.dudao.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import org.dudao.engine.Gap;
import org.dudao.engine.RuleType;
import org.junit.jupiter.api.Test;

/** The engine's gap advice in the unit's own words. */
class AdviceTest {

    @Test
    void namesTheItemAndItsUnit() {
        Gap gap = new Gap(
                "A1",
                "生均图书",
                RuleType.THRESHOLD,
                "books",
                20,
                28_000,
                29_000,
                1_000,
                0.03,
                "还需增加 1,000（books），生均达到 29");
        assertThat(Advice.of(gap, new Schemes.ItemInfo("books", "图书册数", "册", "INTEGER")))
                .isEqualTo("还需增加图书册数 1,000 册，生均达到 29");
    }

    @Test
    void roundsWholeThingsUp() {
        Gap gap = new Gap(
                "A2",
                "每百名学生计算机",
                RuleType.LINEAR,
                "computers",
                3,
                80,
                80.68,
                0.68,
                0.01,
                "还需增加 0.68（computers），生均达到 0.12");
        assertThat(Advice.of(gap, new Schemes.ItemInfo("computers", "计算机台数", "台", "INTEGER")))
                .isEqualTo("还需增加计算机台数 1 台，生均达到 0.12");
        Gap area = new Gap(
                "A3",
                "生均体育场馆",
                RuleType.THRESHOLD,
                "sports_area",
                20,
                100,
                4_072.5,
                3_972.5,
                0.9,
                "还需增加 3,972.5（sports_area），生均达到 7");
        assertThat(Advice.of(area, new Schemes.ItemInfo("sports_area", "体育运动场馆面积", "平方米", "NUMBER")))
                .isEqualTo("还需增加体育运动场馆面积 3,972.5 平方米，生均达到 7");
    }
}
