package org.dudao.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.evaluation.EvaluationFixtures.fullManual;
import static org.dudao.evaluation.EvaluationFixtures.head;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dudao.data.DataValues;
import org.dudao.evaluation.EvaluationFixtures;
import org.dudao.org.OrgUnits;
import org.dudao.support.Api;
import org.dudao.support.Browser;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A 小学 walks the acceptance in a real browser with the demo users: head and township submit, county experts
 * consolidate, the director returns once, the city reviews, the public objects on the 公示 page, the director
 * answers, approves and awards the plaque; the certificate PDF names the school. Expert groups and sheets are
 * entered through the API (their screens are not built yet).
 */
@DudaoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationBrowserTest {

    private static final String P = "T-EV-BR";
    private static final String S = "EVBR01";
    private static final String FILE = "/evaluation/" + P + "/" + S;

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    DataValues values;
    @Autowired
    JdbcTemplate jdbc;
    Browser browser;

    @BeforeAll
    void start() {
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    private void act(String user, String action, String reason) {
        browser.login(user, Api.PASSWORD);
        browser.open(FILE);
        if (reason != null) {
            browser.type(By.id("reason"), reason);
        }
        browser.click(By.id("action-" + action));
        assertThat(browser.pageSource()).as(user + " " + action).contains("id=\"flash-done\"");
    }

    @Test
    void aPrimarySchoolIsAwardedThePlaqueThroughTheScreens() throws Exception {
        Api api = new Api(mvc);
        EvaluationFixtures fx = new EvaluationFixtures(api, orgUnits, values);
        fx.passingPrimary(S, "浏览器测试小学");
        fx.project(P, "2099-12-31", 7, S);
        String f = "/api/projects/" + P + "/evaluations/" + S;
        api.put(head(S), f + "/self", fullManual()).andExpect(status().isOk());

        act(head(S), "submit", null);
        assertThat(browser.text(By.id("file-status"))).isEqualTo("学校已签报");
        act("cg_clerk", "submit", null);
        assertThat(browser.text(By.id("file-stage"))).isEqualTo("县级初评");

        api.post("qs_director", "/api/projects/" + P + "/groups", """
                {"level":"COUNTY","name":"一组","leader":"qs_expert","schools":["%s"]}""".formatted(S))
                .andExpect(status().isCreated());
        api.put("qs_expert", f + "/expert-score", fullManual()).andExpect(status().isOk());
        act("qs_expert", "score", null);
        assertThat(browser.text(By.id("file-status"))).isEqualTo("已汇总");
        act("qs_director", "return", "请复核校园文化建设得分");
        assertThat(browser.text(By.id("file-status"))).isEqualTo("专家评分中");
        assertThat(browser.text(By.id("history"))).contains("请复核校园文化建设得分");
        act("qs_expert", "score", null);
        act("qs_director", "approve", null);
        assertThat(browser.text(By.id("file-stage"))).isEqualTo("市级复核");

        api.post("city_director", "/api/projects/" + P + "/groups", """
                {"level":"CITY","name":"复核组","leader":"city_expert","schools":["%s"]}""".formatted(S))
                .andExpect(status().isCreated());
        api.put("city_expert", f + "/expert-score", fullManual()).andExpect(status().isOk());
        act("city_expert", "score", null);
        act("city_director", "approve", null);
        assertThat(browser.text(By.id("file-status"))).isEqualTo("公示中");

        // anyone objects on the public page
        browser.open("/public/projects/" + P);
        browser.type(By.id("objection-" + S), "学校图书数量与实际不符");
        browser.click(By.id("object-" + S));
        assertThat(browser.pageSource()).contains("id=\"objection-sent\"");
        jdbc.update("update evaluation set publicity_until = ? where org_unit_id = (select id from org_unit "
                + "where code = ?)", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), S);

        browser.login("qs_director", Api.PASSWORD);
        browser.open(FILE);
        // approval is not offered while the objection is unanswered
        assertThat(browser.pageSource()).contains("学校图书数量与实际不符").doesNotContain("id=\"action-approve\"");
        Long objection = jdbc.queryForObject("select max(id) from objection", Long.class);
        browser.type(By.id("answer-" + objection), "经核查，图书数量属实");
        browser.click(By.id("answer-submit-" + objection));
        act("qs_director", "approve", null);
        act("qs_director", "certify", null);
        assertThat(browser.text(By.id("file-stage"))).isEqualTo("已授牌");
        assertThat(browser.text(By.id("certificate"))).contains("JB0101-");
        browser.screenshot("evaluation-certified");

        byte[] pdf = mvc.perform(get(f + "/certificate.pdf").with(httpBasic("qs_director", Api.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = PDDocument.load(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("浏览器测试小学").contains("达标");
        }
    }
}
