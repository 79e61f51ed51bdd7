package org.dudao.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.dudao.support.Api;
import org.dudao.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Two roles in a real browser: a county director edits a school; a director of another county cannot see it. */
class OrgBrowserTest extends BrowserTest {

    /** A school of this test's own under 城关镇: renaming a demo school would change what other tests read. */
    private static final String SCHOOL = "T-ORG-BR";

    @Test
    void directorBrowsesTheTreeAndEditsAUnitThatAnotherCountyCannotSee() throws Exception {
        api.post("qs_director", "/api/org-units", """
                {"code":"%s","name":"浏览器测试中心小学","kind":"小学","parentCode":"JB010101",
                 "enrolment":{"primary":300}}""".formatted(SCHOOL)).andExpect(status().isCreated());
        browser.login("qs_director", Api.PASSWORD);
        assertThat(browser.text(By.id("my-roles"))).contains("督导室主任");

        browser.open("/org");
        // the tree loads lazily: expand the county, then a township
        browser.click(By.cssSelector("#org-tree .dd-toggle[aria-label='青山县']"));
        // the arrow turns from dudao.js (no inline handler under the Content-Security-Policy)
        assertThat(browser.text(By.cssSelector("#org-tree .dd-toggle[aria-label='青山县']")))
                .isEqualTo("▾");
        browser.click(By.cssSelector("#org-tree .dd-toggle[aria-label='城关镇']"));
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.linkText("浏览器测试中心小学")));
        browser.screenshot("org-index");
        browser.click(By.linkText("浏览器测试中心小学"));
        assertThat(browser.text(By.id("unit-name"))).isEqualTo("浏览器测试中心小学");
        browser.screenshot("org-detail");

        browser.click(By.id("unit-edit"));
        browser.type(By.id("name"), "");
        browser.click(By.id("org-save"));
        assertThat(browser.text(By.cssSelector(".invalid-feedback"))).contains("必填");

        browser.type(By.id("name"), "浏览器测试中心小学（本部）");
        browser.type(By.id("contactPerson"), "刘校长");
        browser.click(By.id("org-save"));
        assertThat(browser.text(By.id("saved"))).isEqualTo("已保存");
        assertThat(browser.text(By.id("unit-name"))).isEqualTo("浏览器测试中心小学（本部）");

        // the search table finds it too
        browser.open("/org?q=本部");
        assertThat(browser.text(By.id("org-table"))).contains("浏览器测试中心小学（本部）");

        openAs("dh_director", "/org/" + SCHOOL);
        assertThat(browser.pageSource()).doesNotContain("浏览器测试中心小学").contains("页面不存在或您无权访问");
        browser.open("/org?q=浏览器测试");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("org-table")));
        assertThat(browser.text(By.id("org-table"))).doesNotContain("浏览器测试中心小学");
    }

    @Test
    void fitsAPhone() {
        browser.login("school_clerk", Api.PASSWORD);
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            browser.open("/org/JB01010101");
            // the left navigation folds into a menu button
            assertThat(browser.find(By.cssSelector("[data-bs-target='#dd-sidebar']"))
                            .isDisplayed())
                    .isTrue();
            assertThat(browser.find(By.cssSelector("#dd-sidebar .dd-link")).isDisplayed())
                    .isFalse();
            browser.click(By.cssSelector("[data-bs-target='#dd-sidebar']"));
            browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#dd-sidebar.show .dd-link")));
            browser.waitFor(d -> ((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript("return document.getElementById('dd-sidebar').getBoundingClientRect().left === 0"));
            browser.screenshot("org-phone-menu");
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).as("no horizontal scrolling").isEqualTo(false);
        } finally {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
        }
    }

    @Test
    void switchesToEnglish() {
        openAs("city_leader", "/org?lang=en");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Organisations");
        browser.open("/?lang=zh_CN");
        assertThat(browser.text(By.tagName("h1"))).startsWith("您好");
    }
}
