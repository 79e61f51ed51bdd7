package org.dudao.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.report.ReportFixtures.DIRECTOR;
import static org.dudao.report.ReportFixtures.s;

import org.dudao.data.DataValues;
import org.dudao.org.OrgUnits;
import org.dudao.support.BrowserTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dashboard's ECharts charts draw in a real browser, and an owner sets a target through the form. */
class ReportBrowserTest extends BrowserTest {

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void buildFixtures() throws Exception {
        new ReportFixtures(api, orgUnits, values, jdbc).build();
    }

    @Test
    void chartsDrawAndTheOwnerSetsATarget() {
        openAs(DIRECTOR, "/reports/dashboard");
        for (String chart : new String[] {"stages", "grades", "quota", "vetoes", "ageing", "units"}) {
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-" + chart + " canvas")));
        }
        Object drawn = ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "return echarts.getInstanceByDom(document.getElementById('chart-stages')).getOption().series[0].data");
        assertThat(drawn.toString()).isEqualTo("[1, 0, 1, 0, 0, 3, 1]");
        assertThat(browser.text(By.id("table-units"))).contains("报表甲镇", "报表乙镇");
        browser.screenshot("report-dashboard");

        browser.click(By.cssSelector("a.dd-link[href='/reports/assessment']"));
        assertThat(browser.text(By.id("row-" + s("B")))).contains("报表乙镇");
        browser.find(By.cssSelector("#target-unit option[value='" + s("B") + "']"))
                .click();
        browser.type(By.id("target-target"), "2")
                .type(By.id("target-weight"), "15")
                .click(By.id("target-save"));
        assertThat(browser.text(By.id("flash-saved"))).isEqualTo("已保存");
        // 15 × 1/2 = 7.50
        assertThat(browser.text(By.id("row-" + s("B")))).contains("7.50");
        browser.screenshot("report-assessment");
        // back to the defaults, for the other tests of this county
        browser.find(By.cssSelector("#target-unit option[value='" + s("B") + "']"))
                .click();
        browser.type(By.id("target-target"), "")
                .type(By.id("target-weight"), "")
                .click(By.id("target-save"));
        assertThat(browser.text(By.id("row-" + s("B")))).contains("10.00");
    }

    /** A dashboard number is a link to the list behind it, with as many rows; the list prints through dudao.js. */
    @Test
    void aDashboardNumberDrillsDownToItsList() {
        openAs(DIRECTOR, "/reports/dashboard?project=" + ReportFixtures.PROJECT);
        String count = browser.text(By.id("drill-state-CITY_SCORING"));
        browser.markLeaving().click(By.id("drill-state-CITY_SCORING")).waitForNextPage();
        assertThat(browser.driver().getCurrentUrl())
                .contains("/evaluation/" + ReportFixtures.PROJECT, "state=CITY_SCORING");
        assertThat(browser.driver().findElements(By.cssSelector("#file-table tbody tr")))
                .hasSize(Integer.parseInt(count));
        assertThat(browser.text(By.id("file-table"))).contains("报表测试B2小学");
        // 打印 calls window.print() from the site's script (no inline handler)
        ((JavascriptExecutor) browser.driver())
                .executeScript("window.print = function () { window.ddPrinted = true; };");
        browser.click(By.id("print"));
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.ddPrinted === true"))
                .isEqualTo(true);

        openAs(DIRECTOR, "/reports/dashboard?project=" + ReportFixtures.PROJECT);
        String overdue = browser.text(By.id("overdue-count"));
        browser.markLeaving().click(By.id("overdue-count")).waitForNextPage();
        assertThat(browser.driver().findElements(By.cssSelector("#item-table tbody tr")))
                .hasSize(Integer.parseInt(overdue));
        assertThat(browser.find(By.id("overdue")).isSelected()).isTrue();
    }

    /** The console check after every browser test sees a script the policy blocks (so it can fail). */
    @Test
    void theConsoleReportsAnInlineScriptThePolicyBlocks() {
        openAs(DIRECTOR, "/reports/dashboard");
        ((JavascriptExecutor) browser.driver())
                .executeScript("var s = document.createElement('script'); s.textContent = 'window.ddInjected = 1';"
                        + " document.body.appendChild(s);");
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.ddInjected === undefined"))
                .isEqualTo(true);
        assertThat(browser.cspViolations()).isNotEmpty();
    }
}
