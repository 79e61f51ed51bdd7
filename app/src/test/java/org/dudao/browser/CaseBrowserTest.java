package org.dudao.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.dudao.support.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A hotline call in a real browser: the county office takes it in on one screen, assigns it, the school answers,
 * the office verifies, calls back and closes; the school never sees who called.
 */
class CaseBrowserTest extends AcceptanceScreens {

    private static final String S = "CSBR01";

    private void act(String action, String note) {
        if (note != null) browser.type(By.id("note-" + action), note);
        submit(By.id("do-" + action), action);
    }

    @Test
    void aHotlineCallIsTakenInAssignedAnsweredVerifiedCalledBackAndClosed() throws Exception {
        api.post("admin", "/api/org-units", """
                {"code":"%s","name":"案件浏览器测试小学","kind":"小学","parentCode":"JB010101"}""".formatted(S)).andExpect(status().isCreated());
        api.post("admin", "/api/users", """
                {"username":"clerk_csbr01","displayName":"测试填报员","password":"%s","mustChangePassword":false,
                 "grants":[{"role":"CLERK","orgUnit":"%s"}]}""".formatted(Api.PASSWORD, S)).andExpect(status().isCreated());

        api.post("qs_director", "/api/cases", """
                {"channel":"HOTLINE","category":"CONSULTATION","description":"上次反映的补课问题","unit":"%s",
                 "reporterPhone":"13812345678","receivedAt":"2026-05-06T10:00"}""".formatted(S)).andExpect(status().isCreated());

        openAs("qs_director", "/cases/new");
        browser.type(By.id("description"), "学校周六组织集体补课");
        browser.type(By.id("intake-unit"), S);
        browser.type(By.id("reporterPhone"), "13812345678");
        // the caller's earlier cases show up while the number is typed
        browser.waitFor(d -> d.findElement(By.id("earlier-cases")).getText().contains("上次反映的补课问题"));
        browser.type(By.id("reporterName"), "王女士");
        browser.submit(By.id("intake-submit"));
        assertThat(browser.text(By.id("flash-received"))).contains("2026-07-03");
        assertThat(browser.text(By.id("case-reporter"))).contains("王女士");
        String url = browser.driver().getCurrentUrl();
        String path = url.substring(url.indexOf("/cases/"), url.indexOf('?'));

        act("assign", "请学校核实");
        assertThat(browser.text(By.id("case-status"))).isEqualTo("已分派");

        openAs("clerk_csbr01", path);
        assertThat(browser.pageSource()).doesNotContain("王女士").doesNotContain("13812345678");
        assertThat(browser.driver().findElements(By.id("do-verify"))).isEmpty();
        act("answer", "经核实已停止周六补课，并对相关教师进行了批评教育");

        openAs("qs_director", path);
        act("verify", "电话抽查属实");
        act("callback", "反映人表示满意");
        act("close", null);
        assertThat(browser.text(By.id("case-status"))).isEqualTo("已办结");
        assertThat(browser.text(By.id("case-timeline")))
                .contains("受理")
                .contains("分派")
                .contains("提交处置情况")
                .contains("核查通过")
                .contains("回访")
                .contains("办结");
        browser.screenshot("case-closed");

        // the office's dashboard draws its charts from the page's data block
        browser.open("/cases/dashboard");
        for (String chart : new String[] {"channels", "categories", "ageing", "overdue"}) {
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-" + chart + " canvas")));
        }
        assertThat(browser.cspViolations()).isEmpty();
    }
}
