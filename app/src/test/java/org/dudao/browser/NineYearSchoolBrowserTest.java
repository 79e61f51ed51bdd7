package org.dudao.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.evaluation.EvaluationFixtures.clerk;
import static org.dudao.evaluation.EvaluationFixtures.head;
import static org.dudao.evaluation.EvaluationFixtures.transition;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A 九年一贯制学校 (scored on the 小学 and 初中 standards together) walks every step on the screens with the users
 * of each role: the clerk self-scores with evidence, the head signs, the township applies, the county returns
 * the file once and it is resubmitted, two county experts score (one with an on-site photo) and their leader
 * consolidates by the mean, the county approves, the city group agrees a score, the city approves, the public
 * objects during 公示, and the CITY body (not the county) answers, approves and awards the plaque.
 */
class NineYearSchoolBrowserTest extends AcceptanceScreens {

    private static final String P = "T-NY-BR";
    private static final String S = "NYBR01";
    private static final String NAME = "浏览器测试九年一贯制学校";
    private static final String EXPERT_B = "qs_expert_nybr";

    @Test
    void aNineYearSchoolIsAwardedThePlaqueByTheCity() throws Exception {
        // the school with its head (created with it), its clerk and a second county expert
        fx.passingNineYear(S, NAME);
        fx.user(clerk(S), NAME + " 填报员", "CLERK", S);
        fx.user(EXPERT_B, "县评估专家 孙专家", "EXPERT", "JB0101");
        createProject(P, S);
        assertThat(browser.text(By.id("file-table"))).contains(NAME).contains("九年一贯制学校");

        // 自评: a score below full points needs a reason, shown next to it; then the live result is 达标
        openAs(clerk(S), file(P, S));
        enter("", scores("A22", "20", "A34", "40", "B4", "50", "C1", "60", "C3", "80", "D2", "90"));
        browser.click(By.id("self-save"));
        assertThat(browser.text(By.id("error-D2"))).contains("理由");
        browser.type(By.id("reason-D2"), "特色项目尚在建设");
        browser.click(By.id("self-save"));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("self-saved")));
        assertThat(browser.text(By.id("live-line"))).contains("990").contains("达标");
        attachEvidence("C3");
        assertThat(browser.text(By.id("evidence-C3"))).contains("evidence.pdf");

        act(head(S), P, S, "submit", null);
        assertThat(browser.text(By.id("signatures"))).contains("校长签批").contains(head(S));
        act("cg_clerk", P, S, "submit", null);
        assertThat(browser.text(By.id("file-stage"))).isEqualTo("县级初评");

        // 退回 with a reason, the school adds evidence and applies again
        act("qs_director", P, S, "return", "请补充依法办学佐证材料");
        assertThat(browser.text(By.id("file-stage"))).isEqualTo("学校自评");
        assertThat(browser.text(By.id("history"))).contains("请补充依法办学佐证材料");
        openAs(clerk(S), file(P, S));
        attachEvidence("C1");
        act(head(S), P, S, "submit", null);
        act("cg_clerk", P, S, "submit", null);
        assertThat(browser.text(By.id("file-stage"))).isEqualTo("县级初评");

        // the county forms its group; a group without schools is refused next to the field
        openAs("qs_director", "/evaluation/" + P);
        browser.type(By.id("group-name"), "县一组");
        browser.click(By.id("group-save"));
        assertThat(browser.text(By.id("error-schools"))).isNotBlank();
        formGroup("qs_director", P, "COUNTY", "县一组", "qs_expert", EXPERT_B, S);

        // findings without a photo are refused on the sheet; with the photo uploaded on the screen they are kept
        openAs("qs_expert", file(P, S));
        enter("sheet-", FULL);
        browser.type(By.id("findings"), "操场跑道局部破损");
        browser.click(By.id("sheet-save"));
        assertThat(browser.text(By.id("error-evidence"))).isEqualTo("现场发现问题须附照片");
        sheet("qs_expert", P, S, FULL, "操场跑道局部破损");
        assertThat(browser.find(By.cssSelector("#expert-sheets img")).getAttribute("src"))
                .contains("/collection/evidence/");
        sheet(
                EXPERT_B,
                P,
                S,
                scores("A22", "20", "A34", "40", "B4", "50", "C1", "60", "C3", "70|校园文化特色不突出", "D2", "100"),
                null);

        // the leader sees both sheets side by side with the mean and consolidates by it
        openAs("qs_expert", file(P, S));
        assertThat(browser.text(By.id("mean-C3"))).isEqualTo("75.0");
        assertThat(browser.text(By.id("consolidation-table")))
                .contains("qs_expert")
                .contains(EXPERT_B);
        browser.screenshot("nine-year-consolidation");
        consolidate("qs_expert", P, S, null);
        assertThat(browser.text(By.id("file-status"))).isEqualTo("已汇总");
        assertThat(browser.text(By.id("file-score"))).contains("995").contains("达标");
        act("qs_director", P, S, "approve", null);
        assertThat(browser.text(By.id("file-stage"))).isEqualTo("市级复核");

        // 市级复核: an agreed score needs a reason
        formGroup("city_director", P, "CITY", "市复核组", "city_expert", null, S);
        sheet("city_expert", P, S, FULL, null);
        openAs("city_expert", file(P, S));
        browser.click(By.id("mode-agreed"));
        browser.click(By.id("consolidate"));
        assertThat(browser.text(By.id("error-reason"))).contains("理由");
        consolidate("city_expert", P, S, "复核组现场核查后协商一致");
        assertThat(browser.text(By.id("file-score"))).contains("1000");
        act("city_director", P, S, "approve", null);
        assertThat(browser.text(By.id("file-status"))).isEqualTo("公示中");

        // 公示: anyone objects on the public page
        objectDuringPublicity(P, S, "学校计算机数量与实际不符");

        // a 九年一贯制学校 is approved by the city body: the county director is refused
        Long objection = jdbc.queryForObject(
                "select max(o.id) from objection o join evaluation e "
                        + "on e.id = o.evaluation_id join org_unit u on u.id = e.org_unit_id where u.code = ?",
                Long.class,
                S);
        openAs("city_director", file(P, S));
        browser.type(By.id("answer-" + objection), "经核查，计算机数量属实");
        submit(By.id("answer-submit-" + objection), "answer");
        openAs("qs_director", file(P, S));
        assertThat(browser.pageSource()).doesNotContain("id=\"action-approve\"");
        api.post(
                        "qs_director",
                        "/api/projects/" + P + "/evaluations/" + S + "/transitions",
                        transition("approve", null))
                // the city approves nine-year schools: the county's role does not allow the step
                .andExpect(status().isForbidden());
        act("city_director", P, S, "approve", null);
        openAs("qs_director", file(P, S));
        assertThat(browser.pageSource()).doesNotContain("id=\"action-certify\"");
        act("city_director", P, S, "certify", null);
        assertThat(browser.text(By.id("file-stage"))).isEqualTo("已授牌");
        assertThat(browser.text(By.id("signatures")))
                .contains("校长签批")
                .contains("乡镇申请")
                .contains("县级初评汇总")
                .contains("市级复核汇总")
                .contains("认定批准")
                .contains("授牌")
                .contains("city_director");
        browser.screenshot("nine-year-certified");

        assertThat(certificateText("city_director", P, S)).contains(NAME).contains("达标");
    }
}
