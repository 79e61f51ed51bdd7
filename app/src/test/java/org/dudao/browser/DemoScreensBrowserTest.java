package org.dudao.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dudao.support.BrowserTest;
import org.dudao.support.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The demo flow as the README's users see it, and the README's screenshots (target/screenshots, copied to
 * docs/screenshots): the 工作台 of a school head, a county expert and a county director, the 公示 on a phone and the
 * first page of a 限期整改通知书.
 */
class DemoScreensBrowserTest extends BrowserTest {

    private static final String PROJECT = "QS-BZH-" + TestClock.year();

    @Test
    void theWorkbenchOfEachRoleShowsItsStepOfTheDemoFlow() {
        openAs("school_head", "/");
        assertThat(link(PROJECT + "/JB01010101")).isTrue();
        browser.screenshot("home-school-head");

        openAs("qs_expert", "/");
        assertThat(browser.text(By.id("todos"))).contains("青山县" + TestClock.year() + "年");
        browser.screenshot("home-qs-expert");

        openAs("qs_director", "/");
        assertThat(link(PROJECT)).isTrue();
        browser.screenshot("home-qs-director");
    }

    @Test
    void theRunningPublicityReadsOnAPhone() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            browser.open("/public/projects/" + PROJECT);
            assertThat(browser.text(By.id("publicity-number"))).matches("青督〔\\d{4}〕\\d+号");
            assertThat(browser.driver().findElements(By.cssSelector("#publicity-table tbody tr")))
                    .isNotEmpty();
            browser.screenshot("publicity-phone");
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1366, 768));
        }
    }

    @Test
    void theIssuedNoticeRendersWithItsNumber() throws Exception {
        List<Integer> notices = JsonPath.read(
                api.get("qs_director", "/api/rectifications?unit=JB0101")
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$[?(@.sourceRef == '" + PROJECT + "' && @.notice)].notice");
        assertThat(notices).isNotEmpty();
        byte[] pdf = api.get("qs_director", "/api/rectification-notices/" + notices.get(0) + "/pdf")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = PDDocument.load(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).containsPattern("青督〔\\d{4}〕\\d+号");
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 80);
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            ImageIO.write(page, "png", dir.resolve("notice-pdf.png").toFile());
            assertThat(page.getWidth()).isGreaterThan(500);
        }
    }

    /** Whether the 待办 list links to a page under /evaluation/{path}. */
    private boolean link(String path) {
        return !browser.driver()
                .findElements(By.cssSelector("#todos a[href^='/evaluation/" + path + "']"))
                .isEmpty();
    }
}
