package org.dudao.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.support.BrowserTest;
import org.dudao.support.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A county director opens the balance page: charts, the 达到/未达到 table, a what-if, the Excel download. */
class BalanceBrowserTest extends BrowserTest {

    @Test
    void theDirectorSeesTheCvsRunsAWhatIfAndDownloadsTheExcel() throws Exception {
        openAs("dh_director", "/balance");
        assertThat(browser.text(By.id("balance-unit-name"))).contains("东湖区");
        for (String chart : new String[] {"cv-PRIMARY", "cv-JUNIOR", "PRIMARY-books", "JUNIOR-sports_area"}) {
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-" + chart + " canvas")));
        }
        Object bars = ((JavascriptExecutor) browser.driver())
                .executeScript("return echarts.getInstanceByDom(document.getElementById('chart-cv-PRIMARY'))"
                        + ".getOption().series[0].data.length");
        assertThat(bars).isEqualTo(8L);
        assertThat(browser.text(By.id("cv-table-PRIMARY"))).contains("生均图书册数", "达到");
        // 东湖区's old town schools have little sports ground: above the 优质均衡 threshold
        assertThat(browser.text(By.id("cv-PRIMARY-sports_area"))).contains("未达到");
        browser.screenshot("balance");

        browser.find(By.cssSelector("#whatif-stage option[value='PRIMARY']")).click();
        browser.find(By.cssSelector("#whatif-indicator option[value='sports_area']"))
                .click();
        browser.type(By.id("whatif-budget"), "5000").click(By.id("whatif-run"));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("whatif-summary")));
        assertThat(browser.text(By.id("whatif-summary"))).contains("5000").containsPattern("由 \\d\\.\\d{4} ");
        assertThat(browser.find(By.cssSelector("#whatif-table tr.table-success"))
                        .getText())
                .isNotBlank();
        browser.screenshot("balance-whatif");

        String href = browser.find(By.id("balance-excel")).getAttribute("href");
        Object base64 = ((JavascriptExecutor) browser.driver())
                .executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
                                + " var s = ''; new Uint8Array(b).forEach(c => s += String.fromCharCode(c)); done(btoa(s)); });",
                        href);
        try (XSSFWorkbook wb =
                new XSSFWorkbook(new ByteArrayInputStream(Base64.getDecoder().decode((String) base64)))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("小学");
            assertThat(wb.getSheetAt(1).getSheetName()).isEqualTo("初中");
            assertThat(href).contains("year=" + TestClock.year());
        }
    }
}
