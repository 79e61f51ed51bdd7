package org.dudao.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.evaluation.EvaluationFixtures.head;
import static org.dudao.evaluation.EvaluationFixtures.transition;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.dudao.support.Api;
import org.dudao.support.Axe;
import org.dudao.support.Browser;
import org.dudao.support.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The axe walk (issue 12): axe-core checks every main page as its users see it, on a desktop (1366×768) and the
 * pages used on phones at 390×844, and fails on any serious or critical violation, naming the rule, the elements
 * and the help. The pages carry data: a project of this test's own with a school at 自评, one with the county's
 * expert group (the sheet of qs_expert), one 基本达标 with rectification items and one in 公示.
 */
class AccessibilityTest extends AcceptanceScreens {

    private static final String P = "T-AX";
    /** At 自评, the head's self-scoring page. */
    private static final String SELF = "AX01";
    /** At 县级初评 with the county group of qs_expert: the expert sheet. */
    private static final String SHEET = "AX02";
    /** 基本达标, approved by the county: rectification items drafted. */
    private static final String BASIC = "AX03";
    /** In 公示 on the public page. */
    private static final String PUBLIC = "AX04";

    private long task;
    private String item;

    /** A page as a user sees it ({@code null}: signed out), with what to do on it before checking. */
    record Page(String user, String path, Consumer<Browser> then) {
        Page(String user, String path) {
            this(user, path, b -> {});
        }

        @Override
        public String toString() {
            return (user == null ? "anonymous" : user) + " " + path;
        }
    }

    @BeforeAll
    void setUpFiles() throws Exception {
        fx.passingPrimary(SELF, "无障碍自评小学");
        fx.passingPrimary(SHEET, "无障碍评分小学");
        fx.basicPrimary(BASIC, "无障碍整改小学");
        fx.passingPrimary(PUBLIC, "无障碍公示小学");
        fx.project(P, FAR, 7, SELF, SHEET, BASIC, PUBLIC);
        for (String s : List.of(SHEET, BASIC, PUBLIC)) {
            String f = "/api/projects/" + P + "/evaluations/" + s + "/transitions";
            api.post(head(s), f, transition("submit", null)).andExpect(status().isOk());
            api.post("cg_clerk", f, transition("submit", null)).andExpect(status().isOk());
        }
        api.post("qs_director", "/api/projects/" + P + "/groups", """
                {"level":"COUNTY","name":"无障碍一组","leader":"qs_expert","members":[],"schools":["%s"]}""".formatted(SHEET))
                .andExpect(status().isCreated());
        for (String s : List.of(BASIC, PUBLIC)) {
            agree("qs_director", s);
            api.post("qs_director", files(s), transition("approve", null)).andExpect(status().isOk());
        }
        agree("city_director", PUBLIC);
        api.post("city_director", files(PUBLIC), transition("approve", null)).andExpect(status().isOk());

        String items = api.get("qs_director", "/api/rectifications?unit=" + BASIC)
                .andReturn()
                .getResponse()
                .getContentAsString();
        item = String.valueOf(((List<Integer>) JsonPath.read(items, "$[*].id")).get(0));

        String json = api.post("qs_director", "/api/collection/tasks", """
                {"name":"无障碍测试填报","period":"2048","rootUnit":"JB010101","kinds":["小学"],"deadline":"%s",
                 "sections":[{"title":"校舍","items":["classrooms","canteen_area"]},
                             {"title":"学生","items":["dropouts_primary","safety_drill_date"]}]}""".formatted(
                                TestClock.today().plusDays(7)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        task = ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    private static String files(String school) {
        return "/api/projects/" + P + "/evaluations/" + school + "/transitions";
    }

    /** The office scores by agreement: full marks on every manual indicator. */
    private void agree(String office, String school) throws Exception {
        api.post(office, files(school), """
                {"action":"score","reason":"协商一致","manual":{"A22":{"score":20},"A34":{"score":40},
                 "B4":{"score":50},"C1":{"score":60},"C3":{"score":80},"D2":{"score":100}}}""").andExpect(status().isOk());
    }

    private List<Page> desktop() {
        String form = "/collection/tasks/" + task + "/units/JB01010101";
        return List.of(
                new Page(null, "/login"),
                new Page(null, "/public/projects/" + P),
                new Page("school_clerk", "/"),
                new Page("school_clerk", "/collection"),
                new Page("school_clerk", form),
                new Page("school_clerk", "/org/JB01010101"),
                new Page("school_clerk", "/account"),
                new Page(head(SELF), "/"),
                new Page(head(SELF), file(P, SELF)),
                new Page(head(BASIC), "/rectification"),
                new Page(head(BASIC), "/rectification/" + item),
                new Page("cg_clerk", "/"),
                new Page("cg_clerk", "/evaluation/" + P),
                new Page("cg_inspector", "/"),
                new Page("qs_director", "/"),
                new Page("qs_director", "/org", b -> {
                    b.click(By.cssSelector("#org-tree .dd-toggle[aria-label='青山县']"));
                    b.click(By.cssSelector("#org-tree .dd-toggle[aria-label='城关镇']"));
                    b.waitFor(ExpectedConditions.visibilityOfElementLocated(By.linkText("无障碍自评小学")));
                }),
                new Page("qs_director", "/org?q=无障碍"),
                new Page("qs_director", "/org/JB0101"),
                new Page("qs_director", "/org/" + SELF + "/edit"),
                new Page("qs_director", "/org/new"),
                new Page("qs_director", "/org/import"),
                new Page("qs_director", "/schemes"),
                new Page("qs_director", "/schemes/YWBZH"),
                new Page("qs_director", "/schemes/new", b -> {
                    b.click(By.id("add-root"));
                    b.type(By.id("node-name"), "办学条件");
                    b.click(By.id("add-child"));
                }),
                // the province's scheme in the editor of its owner: the script draws its grades and vetoes
                new Page("admin", "/schemes/YWBZH/edit", b -> {
                    b.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grades-body tr")));
                    b.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#vetoes-body tr")));
                }),
                new Page("qs_director", "/schemes/YWBZH/whatif", b -> {
                    b.type(By.id("enrol-primary"), "600");
                    b.click(By.id("whatif-run"));
                    b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("whatif-total")));
                }),
                new Page("qs_director", "/collection"),
                new Page("qs_director", "/collection/tasks/" + task),
                new Page("qs_director", "/collection/tasks/new"),
                new Page("qs_director", "/collection/items"),
                new Page("qs_director", "/collection/items/new"),
                new Page("qs_director", "/collection/import"),
                new Page("qs_director", "/collection/consistency?orgUnit=JB010101"),
                new Page("qs_director", "/evaluation"),
                new Page("qs_director", "/evaluation/new"),
                new Page("qs_director", "/evaluation/" + P),
                new Page("qs_director", file(P, BASIC)),
                new Page("qs_director", "/rectification"),
                new Page("qs_director", "/rectification/" + item),
                new Page("qs_director", "/reports/dashboard"),
                new Page("qs_director", "/reports/assessment"),
                new Page("qs_expert", "/"),
                new Page("qs_expert", file(P, SHEET)),
                new Page("city_director", "/evaluation/" + P),
                new Page("city_director", file(P, PUBLIC)),
                new Page("dh_director", "/org/" + SELF), // the not-found page
                new Page("city_leader", "/"),
                new Page("city_leader", "/reports/dashboard"),
                new Page("city_leader", "/reports/dashboard?lang=en"), // lang="en", English labels
                new Page("city_leader", "/?lang=zh_CN"),
                new Page("admin", "/"),
                new Page("admin", "/admin/users"),
                new Page("admin", "/admin/users/new"),
                new Page("admin", "/admin/users/qs_expert"),
                new Page("admin", "/admin/audit"));
    }

    private List<Page> phone() {
        return List.of(
                new Page(null, "/login"),
                new Page(null, "/public/projects/" + P),
                new Page(head(BASIC), "/"),
                new Page(head(BASIC), "/org/" + BASIC, b -> {
                    // the navigation opened from its menu button
                    b.click(By.cssSelector("[data-bs-target='#dd-sidebar']"));
                    b.waitFor(
                            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#dd-sidebar.show .dd-link")));
                }),
                new Page(head(BASIC), "/rectification"),
                new Page("qs_expert", file(P, SHEET)),
                new Page("qs_director", "/rectification"),
                new Page("qs_director", "/reports/dashboard"));
    }

    @Test
    void everyMainPageOnADesktopHasNoSeriousViolations() {
        assertThat(walk(desktop()))
                .as("serious and critical axe violations at 1366×768")
                .isEmpty();
    }

    @Test
    void thePagesUsedOnPhonesHaveNoSeriousViolations() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            assertThat(walk(phone()))
                    .as("serious and critical axe violations at 390×844")
                    .isEmpty();
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1366, 768));
        }
    }

    /** The check finds what it should: a button without a name and an input without a label are reported. */
    @Test
    void theCheckReportsAnUnnamedButtonAndAnUnlabelledInput() {
        browser.driver().manage().deleteAllCookies();
        browser.open("/login");
        ((JavascriptExecutor) browser.driver())
                .executeScript("const f = document.querySelector('form');"
                        + "f.appendChild(document.createElement('button'));"
                        + "const i = document.createElement('input'); i.id = 'ax-probe'; f.appendChild(i);");
        List<String> found = Axe.violations(browser.driver());
        assertThat(found).anyMatch(v -> v.startsWith("button-name [critical]"));
        assertThat(found).anyMatch(v -> v.startsWith("label [critical]") && v.contains("#ax-probe"));
    }

    /** Opens each page as its user, does what it says, runs axe; the violations found, by page. */
    private List<String> walk(List<Page> pages) {
        List<String> failures = new ArrayList<>();
        String signedIn = null;
        for (Page page : pages) {
            if (page.user() == null) {
                browser.driver().manage().deleteAllCookies();
            } else if (!page.user().equals(signedIn)) {
                // not openAs: it would not know that the cookies are gone after an anonymous page
                browser.login(page.user(), Api.PASSWORD);
            }
            signedIn = page.user();
            browser.open(page.path());
            page.then().accept(browser);
            settle();
            List<String> found = Axe.violations(browser.driver());
            found.forEach(v -> failures.add(page + ": " + v));
        }
        return failures;
    }

    /** Waits until htmx has finished what the page asked on load. */
    private void settle() {
        browser.waitFor(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return document.readyState === 'complete'"
                        + " && !document.querySelector('.htmx-request, .htmx-settling, .htmx-swapping')")));
    }
}
