package org.dudao.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.evaluation.EvaluationFixtures.head;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A 小学 walks the acceptance in a real browser with the demo users, every step on its screen: the director sets
 * the project up, the head self-scores and submits, the township applies, the county forms its group whose expert
 * scores and consolidates, the director returns once, the city reviews, the public objects on the 公示 page, the
 * county director answers, approves and awards the plaque; the certificate PDF names the school.
 */
class EvaluationBrowserTest extends AcceptanceScreens {

    private static final String P = "T-EV-BR";
    private static final String S = "EVBR01";
    private static final String FILE = file(P, S);

    @Test
    void aPrimarySchoolIsAwardedThePlaqueThroughTheScreens() throws Exception {
        fx.passingPrimary(S, "浏览器测试小学");
        createProject(P, S);
        assertThat(browser.text(By.id("file-table"))).contains("浏览器测试小学");

        selfScore(
                head(S), P, S, scores("A22", "20", "A34", "40", "B4", "50", "C1", "60", "C3", "80", "D2", "90|特色不够鲜明"));
        assertThat(browser.text(By.id("live-line"))).contains("990").contains("达标");
        act(head(S), P, S, "submit", null);
        assertThat(browser.text(By.id("file-status"))).isEqualTo("学校已签报");
        act("cg_clerk", P, S, "submit", null);
        assertThat(browser.text(By.id("file-stage"))).isEqualTo("县级初评");

        formGroup("qs_director", P, "COUNTY", "一组", "qs_expert", null, S);
        sheet("qs_expert", P, S, FULL, null);
        consolidate("qs_expert", P, S, null);
        assertThat(browser.text(By.id("file-status"))).isEqualTo("已汇总");
        act("qs_director", P, S, "return", "请复核校园文化建设得分");
        assertThat(browser.text(By.id("file-status"))).isEqualTo("专家评分中");
        assertThat(browser.text(By.id("history"))).contains("请复核校园文化建设得分");
        consolidate("qs_expert", P, S, null);
        act("qs_director", P, S, "approve", null);
        assertThat(browser.text(By.id("file-stage"))).isEqualTo("市级复核");

        formGroup("city_director", P, "CITY", "复核组", "city_expert", null, S);
        sheet("city_expert", P, S, FULL, null);
        consolidate("city_expert", P, S, null);
        act("city_director", P, S, "approve", null);
        assertThat(browser.text(By.id("file-status"))).isEqualTo("公示中");

        // anyone objects on the public page
        objectDuringPublicity(P, S, "学校图书数量与实际不符");

        openAs("qs_director", FILE);
        // approval is not offered while the objection is unanswered
        assertThat(browser.pageSource()).contains("学校图书数量与实际不符").doesNotContain("id=\"action-approve\"");
        Long objection = jdbc.queryForObject("select max(id) from objection", Long.class);
        browser.type(By.id("answer-" + objection), "经核查，图书数量属实");
        submit(By.id("answer-submit-" + objection), "answer");
        act("qs_director", P, S, "approve", null);
        act("qs_director", P, S, "certify", null);
        assertThat(browser.text(By.id("file-stage"))).isEqualTo("已授牌");
        assertThat(browser.text(By.id("certificate"))).contains("JB0101-");
        assertThat(browser.text(By.id("signatures")))
                .contains("校长签批")
                .contains("乡镇申请")
                .contains("授牌");
        browser.screenshot("evaluation-certified");

        assertThat(certificateText("qs_director", P, S)).contains("浏览器测试小学").contains("达标");
    }
}
