package org.dudao.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dudao.evaluation.EvaluationFixtures;
import org.dudao.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * An inspector at the school gate with a phone (390×844): checks in, records a finding with a photo that opens a
 * rectification item, and reports; the school's head then acknowledges.
 */
class InspectionVisitBrowserTest extends BrowserTest {

    @Test
    void anInspectorRecordsAVisitOnAPhone() throws Exception {
        api.post(
                        "admin",
                        "/api/org-units",
                        "{\"code\":\"VBR01\",\"name\":\"手机督导小学\",\"kind\":\"小学\",\"parentCode\":\"JB010101\"}")
                .andExpect(status().isCreated());
        String created = api.post("qs_director", "/api/inspectors", """
                        {"name":"手机督学","kind":"FULL_TIME","office":"JB0101","phone":"13900000001",
                         "username":"cg_inspector"}""")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int inspector = JsonPath.read(created, "$.id");
        api.post("qs_director", "/api/zones", """
                        {"code":"VBR-Z","name":"手机督导责任区","county":"JB0101","lead":%d,"schools":["VBR01"],
                         "assignments":[{"school":"VBR01","inspector":%d}]}""".formatted(inspector, inspector))
                .andExpect(status().isCreated());
        Path photo = Files.createTempFile("gate", ".png");
        Files.write(photo, EvaluationFixtures.png());

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            // plans the visit on the phone
            openAs("cg_inspector", "/inspection/visits");
            new Select(browser.find(By.id("visit-school"))).selectByValue("VBR01");
            browser.type(By.id("visit-purpose"), "校园安全常规督导");
            browser.submit(By.id("visit-plan"));
            assertThat(browser.text(By.id("visit-status"))).isEqualTo("已计划");
            browser.submit(By.id("check-in"));
            assertThat(browser.text(By.id("visit-status"))).isEqualTo("已到校");

            new Select(browser.find(By.id("finding-item"))).selectByValue("SAFETY");
            new Select(browser.find(By.id("finding-rating"))).selectByValue("差");
            browser.type(By.id("finding-text"), "消防通道堆放杂物");
            browser.find(By.id("finding-photo")).sendKeys(photo.toAbsolutePath().toString());
            browser.click(By.id("finding-rectify"));
            browser.type(By.id("finding-requirement"), "一周内清理消防通道");
            long width = (Long) ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.getElementById('finding-save').getBoundingClientRect().right");
            assertThat(width).as("the form fits the phone's width").isLessThanOrEqualTo(390);
            browser.screenshot("inspection-visit-phone");
            browser.submit(By.id("finding-save"));
            assertThat(browser.text(By.id("findings")))
                    .contains("消防通道堆放杂物")
                    .contains("差")
                    .contains("照片");
            String visitPage = browser.driver().getCurrentUrl();
            browser.submit(By.cssSelector("#findings a[id^='rectification-']"));
            assertThat(browser.pageSource()).contains("消防通道堆放杂物").contains("手机督导小学");

            browser.driver().get(visitPage);
            browser.type(By.id("report-text"), "发现安全隐患一处，已责令整改");
            browser.type(By.id("report-feedback"), "请一周内完成整改");
            browser.submit(By.id("report-save"));
            assertThat(browser.text(By.id("visit-status"))).isEqualTo("已反馈");
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1366, 768));
        }
    }
}
