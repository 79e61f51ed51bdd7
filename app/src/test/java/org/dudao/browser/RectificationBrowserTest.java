package org.dudao.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.evaluation.EvaluationFixtures.head;
import static org.dudao.evaluation.EvaluationFixtures.transition;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import org.dudao.evaluation.EvaluationFixtures;
import org.dudao.org.OrgUnitRef;
import org.dudao.shared.Access;
import org.dudao.support.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A 基本达标 school in a real browser: the head files plans and reports for the drafted items, the county director
 * sends one back and closes them all, then re-checks the school, which now reaches 达标 from its new data.
 */
class RectificationBrowserTest extends AcceptanceScreens {

    private static final String P = "T-RC-BR";
    private static final String S = "RCBR01";

    private void move(String id, String move, String text, String deadline) {
        browser.type(By.id("text-" + id), text);
        if (deadline != null) {
            browser.type(By.id("deadline-" + id), deadline);
        }
        submit(By.id(move + "-" + id), move + " " + id);
    }

    @Test
    void aBasicSchoolRectifiesAndIsRecheckedThroughTheScreens() throws Exception {
        fx.basicPrimary(S, "整改浏览器测试小学");
        fx.project(P, AcceptanceScreens.FAR, 7, S);
        String f = "/api/projects/" + P + "/evaluations/" + S;
        api.post(head(S), f + "/transitions", transition("submit", null)).andExpect(status().isOk());
        api.post("cg_clerk", f + "/transitions", transition("submit", null)).andExpect(status().isOk());
        api.post("qs_director", f + "/transitions", """
                {"action":"score","reason":"协商一致","manual":{"A22":{"score":20},"A34":{"score":40},
                 "B4":{"score":50},"C1":{"score":60},"C3":{"score":80},"D2":{"score":100}}}""").andExpect(status().isOk());
        api.post("qs_director", f + "/transitions", transition("approve", null)).andExpect(status().isOk());
        String list = api.get("qs_director", "/api/rectifications?unit=" + S)
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> ids = ((List<Integer>) JsonPath.read(list, "$[*].id"))
                .stream().map(String::valueOf).toList();
        assertThat(ids).hasSize(4);

        String due = TestClock.today().plusYears(1).toString();
        openAs(head(S), "/rectification");
        assertThat(browser.text(By.id("item-table"))).contains("整改浏览器测试小学").contains("待制定方案");
        for (String id : ids) {
            move(id, "plan", "制定整改方案，一年内完成", due);
        }
        Access.runAsSystem(() -> {
            OrgUnitRef u = orgUnits.readable(S);
            String year = String.valueOf(EvaluationFixtures.YEAR);
            values.putNumber(u.id(), u.path(), year, "books", BigDecimal.valueOf(26 * 600));
            values.putNumber(u.id(), u.path(), year, "sports_area", BigDecimal.valueOf(7.5 * 600));
            values.putNumber(u.id(), u.path(), year, "computers", BigDecimal.valueOf(78));
            values.putNumber(u.id(), u.path(), year, "safety_incidents", BigDecimal.ZERO);
        });
        for (String id : ids) {
            move(id, "report", "已完成整改", null);
        }

        openAs("qs_director", "/rectification?unit=" + S);
        move(ids.get(0), "reject", "请补充采购凭证", null);
        assertThat(browser.text(By.id("item-" + ids.get(0)))).contains("整改中");
        openAs(head(S), "/rectification");
        move(ids.get(0), "report", "已补充凭证", null);
        openAs("qs_director", "/rectification?unit=" + S);
        for (String id : ids) {
            move(id, "close", "核查属实", null);
            assertThat(browser.text(By.id("item-" + id))).contains("已销号");
        }

        browser.open("/evaluation/" + P + "/" + S);
        browser.click(By.id("action-recheck"));
        assertThat(browser.text(By.id("file-stage"))).isEqualTo("县级初评");
        assertThat(browser.text(By.id("file-score"))).contains("1000").contains("达标");
        browser.screenshot("rectification-rechecked");
    }
}
