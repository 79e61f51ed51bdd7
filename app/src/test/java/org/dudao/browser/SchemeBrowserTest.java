package org.dudao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.dudao.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A county director builds a small scheme in the tree editor, then runs what-ifs on it and on a real school. */
class SchemeBrowserTest extends BrowserTest {

    private void select(String id, String value) {
        new Select(browser.find(By.id(id))).selectByValue(value);
    }

    @Test
    void directorBuildsASchemeInTheEditorAndRunsAWhatIf() {
        openAs("qs_director", "/schemes");
        assertThat(browser.text(By.id("scheme-table"))).contains("义务教育学校标准化建设评估");
        browser.click(By.id("scheme-new"));

        browser.type(By.id("scheme-code"), "T-UI-1");
        browser.type(By.id("scheme-title"), "浏览器测试方案");
        browser.type(By.id("scheme-max"), "100");

        browser.click(By.id("add-root"));
        browser.type(By.id("node-name"), "办学条件");
        browser.type(By.id("node-points"), "60");
        browser.click(By.id("add-child"));
        browser.type(By.id("node-name"), "生均图书册数");
        browser.type(By.id("node-points"), "50");
        select("rule-type", "THRESHOLD");
        select("rule-item", "books");
        select("rule-op", ">=");
        select("std-mode", "stages");
        browser.type(By.id("std-primary"), "25");
        browser.type(By.id("std-junior"), "35");
        browser.click(By.id("rule-perpupil"));
        // the live check: the parent's children add up to 50, not 60
        assertThat(browser.text(By.cssSelector("#tree .dd-node[data-code='A'] .dd-sum")))
                .contains("50")
                .contains("60");
        assertThat(browser.text(By.id("scheme-sum"))).contains("60").contains("100");

        browser.click(By.id("add-root"));
        browser.type(By.id("node-name"), "专家评价");
        browser.type(By.id("node-points"), "40");

        // saving is refused with the problem next to the indicator
        browser.click(By.id("scheme-save"));
        assertThat(browser.text(By.id("editor-alert"))).contains("保存失败");
        assertThat(browser.text(By.id("problem-list"))).contains("子指标分值之和 50");
        browser.click(By.cssSelector("#tree .dd-node[data-code='A']"));
        assertThat(browser.text(By.cssSelector("[data-node-error='points']"))).contains("不等于父指标分值 60");

        browser.click(By.cssSelector("#tree .dd-node[data-code='A1']"));
        browser.type(By.id("node-points"), "60");
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#tree .dd-node[data-code='A'] .dd-sum"), "✓"));
        browser.click(By.id("scheme-check"));
        browser.waitFor(d -> !d.findElement(By.id("check-status")).getText().equals("正在校验…"));
        assertThat(browser.text(By.id("check-status")))
                .as(() -> browser.find(By.id("problem-list")).getText())
                .isEqualTo("校验通过");
        browser.screenshot("scheme-editor");
        browser.click(By.id("scheme-save"));
        browser.waitFor(ExpectedConditions.urlContains("/schemes/T-UI-1"));
        assertThat(browser.text(By.id("scheme-name"))).contains("浏览器测试方案").contains("第 1 版");
        assertThat(browser.text(By.id("scheme-tree"))).contains("生均图书册数").contains("小学 25");

        // what-if on the new scheme: the SPEC's 九年一贯制 school with 28,000 books
        browser.click(By.id("scheme-whatif"));
        select("whatif-kind", "NINE_YEAR");
        browser.type(By.id("enrol-primary"), "600");
        browser.type(By.id("enrol-junior"), "400");
        browser.type(By.id("v-books"), "28000");
        browser.click(By.id("whatif-run"));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("whatif-total")));
        assertThat(browser.text(By.id("whatif-total"))).isEqualTo("40");
        assertThat(browser.text(By.id("whatif-grade"))).isEqualTo("不合格");
        assertThat(browser.text(By.id("whatif-gaps"))).contains("还需增加图书册数 1,000 册");
        browser.screenshot("scheme-whatif");
    }

    @Test
    void directorPicksASchoolAndSeesItsGaps() {
        openAs("qs_director", "/schemes/YWBZH");
        assertThat(browser.text(By.id("scheme-tree"))).contains("生均图书册数");
        browser.click(By.id("scheme-whatif"));
        browser.type(By.id("whatif-unit"), "JB01010101");
        browser.click(By.id("whatif-load"));
        assertThat(browser.text(By.id("whatif-loaded"))).contains("城关中心小学");
        assertThat(browser.find(By.id("v-books")).getAttribute("value")).isNotEmpty();
        browser.click(By.id("whatif-run"));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("whatif-grade")));
        assertThat(browser.text(By.id("whatif-grade"))).isEqualTo("基本达标");
        assertThat(browser.text(By.id("whatif-plan"))).contains("达标").contains("图书册数");
        browser.screenshot("scheme-whatif-school");

        // another county cannot load the school
        openAs("dh_director", "/schemes/YWBZH/whatif?unit=JB01010101");
        assertThat(browser.pageSource()).doesNotContain("whatif-loaded");
    }
}
