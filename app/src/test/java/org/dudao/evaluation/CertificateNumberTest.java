package org.dudao.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.evaluation.EvaluationFixtures.transition;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dudao.data.DataValues;
import org.dudao.org.OrgUnits;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The plaque certificate is a document of the approving body: it carries that office's 文号 (gapless per office and
 * year, counted with its 公示 and notices) and 落款 — the county's for a 小学, the city's for a 九年一贯制学校.
 */
@DudaoTest
class CertificateNumberTest {

    private static final String P = "T-CERT-1";
    private static final String CITY_SCORE = """
            {"action":"score","reason":"复核组协商一致","manual":{"A22":{"score":20},"A34":{"score":40},
             "B4":{"score":50},"C1":{"score":60},"C3":{"score":80},"D2":{"score":100}}}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    EvaluationFixtures fx;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        fx = new EvaluationFixtures(api, orgUnits, values);
    }

    @Test
    void eachCertificateCarriesTheNextNumberOfTheOfficeThatAwardsThePlaque() throws Exception {
        fx.passingPrimary("CERTP1", "文号测试第一小学");
        fx.passingPrimary("CERTP2", "文号测试第二小学");
        fx.passingNineYear("CERTN1", "文号测试九年一贯制学校");
        fx.project(P, "2099-12-31", 0, "CERTP1", "CERTP2", "CERTN1");

        String first = certify("CERTP1", "qs_director");
        String second = certify("CERTP2", "qs_director");
        String city = certify("CERTN1", "city_director");

        // the county's numbers follow one another, without a gap, under the county's prefix
        assertThat(number(first, "青督")).isPositive();
        assertThat(number(second, "青督")).isEqualTo(number(first, "青督") + 1);
        // a 九年一贯制学校 gets its plaque from the city, under the city's 文号
        assertThat(number(city, "临督")).isPositive();

        assertThat(certificateText("qs_director", "CERTP1"))
                .contains(first)
                .contains("青山县人民政府教育督导室")
                .contains("文号测试第一小学")
                // the project's name carries its year: the body does not say it twice ("经2026年度…2026年…")
                .doesNotContain("年度");
        assertThat(certificateText("city_director", "CERTN1"))
                .contains(city)
                .contains("临川市人民政府教育督导室")
                .doesNotContain("青山县人民政府教育督导室");
    }

    /** Takes a passing school from 自评 through both reviews and a 公示 of 0 days to the plaque; its 文号. */
    private String certify(String school, String body) throws Exception {
        String f = "/api/projects/" + P + "/evaluations/" + school + "/transitions";
        fx.scoredByCounty(P, school);
        api.post("qs_director", f, transition("approve", null)).andExpect(status().isOk());
        api.post("city_director", f, CITY_SCORE).andExpect(status().isOk());
        api.post("city_director", f, transition("approve", null)).andExpect(status().isOk());
        api.post(body, f, transition("approve", null)).andExpect(status().isOk());
        api.post(body, f, transition("certify", null)).andExpect(status().isOk());
        return jdbc.queryForObject(
                "select e.certificate_doc_number from evaluation e join eval_project p on p.id = e.project_id"
                        + " join org_unit u on u.id = e.org_unit_id where p.code = ? and u.code = ?",
                String.class,
                P,
                school);
    }

    private static int number(String docNumber, String prefix) {
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "〔" + EvaluationFixtures.YEAR + "〕(\\d+)号")
                .matcher(docNumber == null ? "" : docNumber);
        assertThat(m.matches()).as(docNumber).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private String certificateText(String user, String school) throws Exception {
        byte[] pdf = mvc.perform(get("/api/projects/" + P + "/evaluations/" + school + "/certificate.pdf")
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
