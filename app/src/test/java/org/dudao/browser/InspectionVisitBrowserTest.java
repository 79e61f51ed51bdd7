package org.dudao.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.dudao.evaluation.EvaluationFixtures;
import org.dudao.support.Api;
import org.dudao.support.BrowserTest;
import org.dudao.support.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * An inspector at the school gate with a phone (390×844): checks in, records a finding with a photo that opens a
 * rectification item, and reports; the school's head answers the item on its rectification screen and the inspector
 * re-checks and closes it (销号) on the phone; the director then issues a briefing and downloads PDF and Word, both
 * with the Chinese text extractable.
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

        api.post("admin", "/api/users", """
                        {"username":"head_vbr01","displayName":"手机督导小学 校长","password":"%s",
                         "mustChangePassword":false,"grants":[{"role":"HEAD","orgUnit":"VBR01"}]}""".formatted(Api.PASSWORD)).andExpect(status().isCreated());
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

            // the school answers on its rectification screen: plan, then report
            browser.driver().get(visitPage);
            String item = browser.find(By.cssSelector("#findings a[id^='rectification-']"))
                    .getAttribute("id")
                    .substring("rectification-".length());
            openAs("head_vbr01", "/rectification?unit=VBR01");
            browser.type(By.id("text-" + item), "清理消防通道并设专人巡查");
            browser.type(
                    By.id("deadline-" + item), TestClock.today().plusDays(20).toString());
            browser.submit(By.id("plan-" + item));
            browser.type(By.id("text-" + item), "消防通道已清理");
            browser.submit(By.id("report-" + item));

            // the inspector re-checks on the phone and closes it
            openAs("cg_inspector", "/inspection/visits");
            assertThat(browser.text(By.id("recheck-status-" + item))).isEqualTo("待复核");
            assertThat(browser.text(By.id("recheck-progress-" + item))).contains("消防通道已清理");
            browser.type(By.id("recheck-note-" + item), "复核合格");
            browser.screenshot("inspection-recheck-phone");
            browser.submit(By.id("recheck-close-" + item));
            assertThat(browser.text(By.id("flash-done"))).isNotBlank();
            assertThat(browser.driver().findElements(By.id("recheck-" + item))).isEmpty();
            api.get("qs_director", "/api/rectifications/" + item)
                    .andExpect(jsonPath("$.status").value("CLOSED"))
                    .andExpect(jsonPath("$.reviewNote").value("复核合格"));
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1366, 768));
        }

        // the director composes a briefing of the day, issues it and downloads PDF and Word
        openAs("qs_director", "/inspection/briefings");
        new Select(browser.find(By.id("briefing-office"))).selectByValue("JB0101");
        browser.type(By.id("briefing-title"), "手机督导专题简报");
        String today = TestClock.today().toString();
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "document.getElementById('briefing-from').value = arguments[0];"
                                + "document.getElementById('briefing-until').value = arguments[0];",
                        today);
        browser.submit(By.id("briefing-create"));
        assertThat(browser.find(By.id("briefing-body")).getAttribute("value")).contains("消防通道堆放杂物");
        browser.submit(By.id("briefing-issue"));
        assertThat(browser.text(By.id("briefing-number"))).matches("\\d{4}年第\\d+期");
        String pdfLink = browser.find(By.id("briefing-pdf")).getAttribute("href");
        String briefing = pdfLink.replaceAll(".*/briefings/(\\d+)\\.pdf.*", "$1");
        assertThat(browser.find(By.id("briefing-docx")).getAttribute("href")).endsWith("/" + briefing + ".docx");
        byte[] pdf = api.get("qs_director", "/api/briefings/" + briefing + ".pdf")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = PDDocument.load(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("手机督导专题简报").contains("消防通道堆放杂物");
        }
        byte[] docx = api.get("qs_director", "/api/briefings/" + briefing + ".docx")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("手机督导专题简报").contains("消防通道堆放杂物");
        }
    }
}
