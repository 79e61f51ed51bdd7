package org.dudao.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.browser.AcceptanceScreens.FULL;
import static org.dudao.browser.AcceptanceScreens.file;
import static org.dudao.browser.AcceptanceScreens.scores;
import static org.dudao.evaluation.EvaluationFixtures.head;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dudao.data.DataValues;
import org.dudao.org.OrgUnits;
import org.dudao.support.Api;
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
 * A 小学 walks the acceptance in a real browser with the demo users, every step on its screen: the director sets
 * the project up, the head self-scores and submits, the township applies, the county forms its group whose expert
 * scores and consolidates, the director returns once, the city reviews, the public objects on the 公示 page, the
 * county director answers, approves and awards the plaque; the certificate PDF names the school.
 */
@DudaoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationBrowserTest {

    private static final String P = "T-EV-BR";
    private static final String S = "EVBR01";
    private static final String FILE = file(P, S);

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

    AcceptanceScreens screens;
    org.dudao.support.Browser browser;

    @BeforeAll
    void start() {
        screens = new AcceptanceScreens(port, mvc, orgUnits, values);
        browser = screens.browser;
    }

    @AfterAll
    void stop() {
        screens.close();
    }

    @Test
    void aPrimarySchoolIsAwardedThePlaqueThroughTheScreens() throws Exception {
        screens.fx.passingPrimary(S, "浏览器测试小学");
        screens.createProject(P, S);
        assertThat(browser.text(By.id("file-table"))).contains("浏览器测试小学");

        screens.selfScore(
                head(S), P, S, scores("A22", "20", "A34", "40", "B4", "50", "C1", "60", "C3", "80", "D2", "90|特色不够鲜明"));
        assertThat(browser.text(By.id("live-line"))).contains("990").contains("达标");
        screens.act(head(S), P, S, "submit", null);
        assertThat(browser.text(By.id("file-status"))).isEqualTo("学校已签报");
        screens.act("cg_clerk", P, S, "submit", null);
        assertThat(browser.text(By.id("file-stage"))).isEqualTo("县级初评");

        screens.formGroup("qs_director", P, "COUNTY", "一组", "qs_expert", null, S);
        screens.sheet("qs_expert", P, S, FULL, null);
        screens.consolidate("qs_expert", P, S, null);
        assertThat(browser.text(By.id("file-status"))).isEqualTo("已汇总");
        screens.act("qs_director", P, S, "return", "请复核校园文化建设得分");
        assertThat(browser.text(By.id("file-status"))).isEqualTo("专家评分中");
        assertThat(browser.text(By.id("history"))).contains("请复核校园文化建设得分");
        screens.consolidate("qs_expert", P, S, null);
        screens.act("qs_director", P, S, "approve", null);
        assertThat(browser.text(By.id("file-stage"))).isEqualTo("市级复核");

        screens.formGroup("city_director", P, "CITY", "复核组", "city_expert", null, S);
        screens.sheet("city_expert", P, S, FULL, null);
        screens.consolidate("city_expert", P, S, null);
        screens.act("city_director", P, S, "approve", null);
        assertThat(browser.text(By.id("file-status"))).isEqualTo("公示中");

        // anyone objects on the public page
        browser.open("/public/projects/" + P);
        browser.type(By.id("objection-" + S), "学校图书数量与实际不符");
        browser.click(By.id("object-" + S));
        assertThat(browser.text(By.id("objection-sent"))).isNotBlank();
        jdbc.update(
                "update evaluation set publicity_until = ? where org_unit_id = (select id from org_unit "
                        + "where code = ?)",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)),
                S);

        screens.open("qs_director", FILE);
        // approval is not offered while the objection is unanswered
        assertThat(browser.pageSource()).contains("学校图书数量与实际不符").doesNotContain("id=\"action-approve\"");
        Long objection = jdbc.queryForObject("select max(id) from objection", Long.class);
        browser.type(By.id("answer-" + objection), "经核查，图书数量属实");
        screens.submit(By.id("answer-submit-" + objection), "answer");
        screens.act("qs_director", P, S, "approve", null);
        screens.act("qs_director", P, S, "certify", null);
        assertThat(browser.text(By.id("file-stage"))).isEqualTo("已授牌");
        assertThat(browser.text(By.id("certificate"))).contains("JB0101-");
        assertThat(browser.text(By.id("signatures")))
                .contains("校长签批")
                .contains("乡镇申请")
                .contains("授牌");
        browser.screenshot("evaluation-certified");

        byte[] pdf = mvc.perform(get("/api/projects/" + P + "/evaluations/" + S + "/certificate.pdf")
                        .with(httpBasic("qs_director", Api.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = PDDocument.load(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("浏览器测试小学").contains("达标");
        }
    }
}
