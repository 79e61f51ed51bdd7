package org.dudao.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.dudao.data.DataValues;
import org.dudao.evaluation.ChainFixtures;
import org.dudao.evaluation.EvaluationFixtures;
import org.dudao.org.OrgUnits;
import org.dudao.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The 先进县 flow on the screens: the city office sets the project up from its template, a county submits its
 * self-evaluation, the city reviews it (the veto caps it at 合格县) and the province approves it.
 */
class AdvancedCountyBrowserTest extends BrowserTest {

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    @Test
    void countySelfEvaluationThenCityReviewThenProvinceApproval() throws Exception {
        EvaluationFixtures fx = new EvaluationFixtures(api, orgUnits, values);
        ChainFixtures chains = new ChainFixtures(api, orgUnits, values, fx);
        chains.city("JB78", "16.21", "0.2");
        fx.user("br_province", "省督导室", "DIRECTOR", "JB");
        String city = "rc_city_jb78";
        String scheme = chains.advancedCountyScheme("JB78", city);

        openAs(city, "/evaluation/new");
        browser.type(By.id("code"), "T-XJX-BR");
        browser.type(By.id("name"), "先进县督导评估（浏览器）");
        new Select(browser.find(By.id("scheme"))).selectByValue(scheme);
        assertThat(browser.find(By.id("orgUnit")).getAttribute("value")).isEqualTo("JB78");
        new Select(browser.find(By.id("template"))).selectByValue("ADVANCED_COUNTY");
        browser.submit(By.id("project-create"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/evaluation/T-XJX-BR");
        assertThat(browser.text(By.id("review-chain"))).contains("市级", "省级");

        String file = "/evaluation/T-XJX-BR/JB7801";
        openAs("rc_county_jb7801", file);
        assertThat(browser.find(By.id("chain-SELF")).getAttribute("class")).contains("text-bg-primary");
        // the county misses C1 (and so fires V1): its 自评报告 needs a 专题报告 on each before it may submit
        browser.submit(By.id("self-report"));
        assertThat(browser.text(By.id("topics-missing"))).contains("C1", "V1");
        browser.type(By.id("topic.C1"), "D级危房改造已列入明年预算。");
        browser.type(By.id("topic.V1"), "危房已停止使用。");
        browser.submit(By.id("report-save"));
        assertThat(browser.text(By.id("flash-done"))).isNotBlank();
        assertThat(browser.driver().findElements(By.id("topics-missing"))).isEmpty();
        browser.submit(By.id("back-to-file"));
        browser.submit(By.id("action-submit"));
        assertThat(browser.text(By.id("file-stage"))).isEqualTo("市级复核");

        // the city's experts agree on the manual scores (the score sheet screens are tested with standardization)
        api.post(city, "/api/projects/T-XJX-BR/evaluations/JB7801/transitions", """
                {"action":"score","reason":"专家组协商一致",
                 "manual":{"A1":{"score":10},"A2":{"score":10},"D":{"score":15},"E2":{"score":5}}}""")
                .andExpect(status().isOk());
        openAs(city, file);
        assertThat(browser.text(By.id("file-score"))).contains("合格县");
        browser.submit(By.id("action-approve"));
        assertThat(browser.text(By.id("file-stage"))).isEqualTo("省级审核");
        assertThat(browser.find(By.id("chain-PROVINCE")).getAttribute("class")).contains("text-bg-primary");

        openAs("br_province", file);
        browser.screenshot("advanced-county-province");
        browser.submit(By.id("action-approve"));
        assertThat(browser.text(By.id("file-status"))).isNotBlank();
        assertThat(browser.text(By.id("file-stage"))).isEqualTo("认定");
    }
}
