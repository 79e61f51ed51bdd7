package org.dudao.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dudao.data.DataValues;
import org.dudao.evaluation.EvaluationFixtures;
import org.dudao.org.OrgUnits;
import org.dudao.support.Api;
import org.dudao.support.BrowserTest;
import org.dudao.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the acceptance browser tests share: the evaluation fixtures (test schools with their users and data), the
 * files they upload, and the steps of the acceptance screens as the demo users take them.
 */
abstract class AcceptanceScreens extends BrowserTest {

    static final String FAR = "2099-12-31";
    /** Full marks on every manual indicator of the seeded scheme. */
    static final Map<String, String> FULL =
            scores("A22", "20", "A34", "40", "B4", "50", "C1", "60", "C3", "80", "D2", "100");

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    @Autowired
    JdbcTemplate jdbc;

    EvaluationFixtures fx;
    private Path files;

    @BeforeAll
    void setUpFixtures() throws IOException {
        fx = new EvaluationFixtures(api, orgUnits, values);
        files = Files.createTempDirectory("dudao-acceptance");
        Files.write(files.resolve("evidence.pdf"), "%PDF-1.4\n% evidence\n".getBytes());
        Files.write(files.resolve("site.png"), EvaluationFixtures.png());
    }

    @AfterAll
    void deleteFiles() {
        try (var all = Files.walk(files)) {
            all.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }

    /** Indicator → "score" or "score|reason", from pairs. */
    static Map<String, String> scores(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static String file(String project, String school) {
        return "/evaluation/" + project + "/" + school;
    }

    /** A file to upload: evidence.pdf or site.png. */
    String upload(String name) {
        return files.resolve(name).toAbsolutePath().toString();
    }

    /** Clicks a button that posts a form, waits for the next page and checks it reports success. */
    void submit(By button, String what) {
        browser.submit(button);
        done(what);
    }

    void done(String what) {
        String page = browser.pageSource();
        if (!page.contains("id=\"flash-done\"")) {
            // say why: the refusal on top, or the page we are on
            String error = browser.driver().findElements(By.cssSelector("#flash-error, .invalid-feedback")).stream()
                    .map(WebElement::getText)
                    .toList()
                    .toString();
            throw new AssertionError(what + " not done at " + browser.driver().getCurrentUrl() + ": " + error);
        }
    }

    /** A step of the workflow from the file page's action bar. */
    void act(String user, String project, String school, String action, String reason) {
        openAs(user, file(project, school));
        if (reason != null) {
            browser.type(By.id("reason"), reason);
        }
        submit(By.id("action-" + action), user + " " + action);
    }

    /** Sets an input the way a date picker would (typing into date inputs depends on the browser's locale). */
    void set(By by, String value) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].value = arguments[1]", browser.find(by), value);
    }

    /**
     * The 青山县 director sets a project up on the creation screen: the seeded scheme, stage deadlines far ahead,
     * and only the given schools out of the county's candidates (the quota stays at the 5% proposal).
     */
    void createProject(String code, String... schools) {
        openAs("qs_director", "/evaluation");
        browser.click(By.id("project-new"));
        browser.type(By.id("code"), code);
        browser.type(By.id("name"), "浏览器测试项目 " + code);
        new Select(browser.find(By.id("scheme"))).selectByValue("YWBZH");
        assertThat(browser.find(By.id("orgUnit")).getAttribute("value")).isEqualTo("JB0101");
        set(By.id("deadline"), "2099-12-29");
        set(By.id("countyDeadline"), "2099-12-30");
        set(By.id("cityDeadline"), FAR);
        assertThat(browser.text(By.id("quota-rule"))).contains("5%");
        browser.click(By.id("schools-all"));
        for (String s : schools) {
            browser.click(By.id("school-" + s));
        }
        submit(By.id("project-create"), "project " + code);
        assertThat(browser.driver().getCurrentUrl()).endsWith("/evaluation/" + code);
    }

    /** Types scores (and reasons) into the inputs {@code <prefix>score-<code>} and {@code <prefix>reason-<code>}. */
    void enter(String prefix, Map<String, String> scores) {
        scores.forEach((code, value) -> {
            String[] parts = value.split("\\|", 2);
            browser.type(By.id(prefix + "score-" + code), parts[0]);
            browser.type(By.id(prefix + "reason-" + code), parts.length > 1 ? parts[1] : "");
        });
    }

    /** The school saves its self-scores; htmx re-renders the live total, grade and vetoes in place. */
    void selfScore(String user, String project, String school, Map<String, String> scores) {
        openAs(user, file(project, school));
        enter("", scores);
        browser.click(By.id("self-save"));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("self-saved")));
    }

    /** The school attaches a file to one manual indicator. */
    void attachEvidence(String indicator) {
        new Select(browser.find(By.id("evidence-indicator"))).selectByValue(indicator);
        browser.find(By.id("evidence-file")).sendKeys(upload("evidence.pdf"));
        submit(By.id("evidence-upload"), "evidence " + indicator);
    }

    /** A director forms an expert group of a level (COUNTY or CITY) on the project page. */
    void formGroup(
            String director, String project, String level, String name, String leader, String member, String school) {
        openAs(director, "/evaluation/" + project);
        new Select(browser.find(By.id("group-level"))).selectByValue(level);
        browser.type(By.id("group-name"), name);
        Select leaders = new Select(browser.find(By.id("group-leader")));
        leaders.selectByValue(leader);
        // the option reads "name（login，level）"; the group table shows the name only
        String leaderName = leaders.getFirstSelectedOption().getText().split("（")[0];
        if (member != null) {
            browser.click(By.id("member-" + member));
        }
        browser.click(By.id("group-school-" + school));
        submit(By.id("group-save"), "group " + name);
        assertThat(browser.text(By.id("group-table")))
                .contains(name)
                .contains(leaderName)
                .doesNotContain(leader);
    }

    /** An expert fills their own sheet at the current level; findings are sent with a photo uploaded first. */
    void sheet(String expert, String project, String school, Map<String, String> scores, String findings) {
        openAs(expert, file(project, school));
        if (findings != null) {
            browser.find(By.id("photo-file")).sendKeys(upload("site.png"));
            submit(By.id("photo-upload"), "photo by " + expert);
            browser.type(By.id("findings"), findings);
        }
        enter("sheet-", scores);
        submit(By.id("sheet-save"), "sheet of " + expert);
    }

    /** The leader (or owner) consolidates by the mean, or with agreed scores (the means) and a reason. */
    void consolidate(String user, String project, String school, String agreedReason) {
        openAs(user, file(project, school));
        if (agreedReason != null) {
            browser.click(By.id("mode-agreed"));
            browser.type(By.id("consolidate-reason"), agreedReason);
        }
        submit(By.id("consolidate"), "consolidation by " + user);
    }

    /** Anyone objects to a school on the project's public page; then its 公示 is made to have ended. */
    void objectDuringPublicity(String project, String school, String objection) {
        // on a phone the table scrolls sideways: a school's name stays on one line, not a character per line
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            browser.open("/public/projects/" + project);
            org.openqa.selenium.WebElement name = browser.find(By.cssSelector("#publicity-table tbody td"));
            assertThat(name.getSize().getHeight())
                    .as("name cell height on a phone")
                    .isLessThan(48);
        } finally {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
        }
        browser.open("/public/projects/" + project);
        browser.type(By.id("objection-" + school), objection);
        browser.click(By.id("object-" + school));
        assertThat(browser.text(By.id("objection-sent"))).isNotBlank();
        jdbc.update(
                "update evaluation set publicity_until = ? where org_unit_id = (select id from org_unit "
                        + "where code = ?)",
                java.sql.Timestamp.from(TestClock.now().minusSeconds(60)),
                school);
    }

    /** The text of a file's certificate PDF, fetched through the API as a user. */
    String certificateText(String user, String project, String school) throws Exception {
        byte[] pdf = mvc.perform(get("/api/projects/" + project + "/evaluations/" + school + "/certificate.pdf")
                        .with(httpBasic(user, Api.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = PDDocument.load(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
