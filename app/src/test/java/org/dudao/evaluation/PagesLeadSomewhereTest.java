package org.dudao.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.evaluation.EvaluationFixtures.head;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.dudao.data.DataValues;
import org.dudao.org.OrgUnits;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The unit page links the unit's evaluation files, collected data and rectification items; the file page shows
 * the school's own scores, reasons and evidence and the data each indicator rests on; print buttons, no script.
 */
@DudaoTest
class PagesLeadSomewhereTest {

    static final byte[] PDF = "%PDF-1.4\n% evidence\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void theUnitPageAndTheFilePageLeadToWhatTheUnitHolds() throws Exception {
        Api api = new Api(mvc);
        EvaluationFixtures fx = new EvaluationFixtures(api, orgUnits, values);
        fx.basicPrimary("PGL01", "链接测试小学");
        fx.project("T-PG-L", "2099-12-31", 0, "PGL01");
        String f = "/api/projects/T-PG-L/evaluations/PGL01";
        api.put(head("PGL01"), f + "/self", EvaluationFixtures.fullManual()).andExpect(status().isOk());
        api.upload(head("PGL01"), f + "/evidence", "feature.pdf", PDF, "indicator", "D2")
                .andExpect(status().isCreated());

        // the API tells the data each indicator reads: 24 books per pupil of 600
        api.get("qs_director", f)
                .andExpect(jsonPath("$.sources.A33.item").value("books"))
                .andExpect(jsonPath("$.sources.A33.value").value(14400.0))
                .andExpect(jsonPath("$.sources.A33.perPupil").value(true));

        Document file = page("qs_director", "/evaluation/T-PG-L/PGL01");
        assertThat(file.selectFirst("#source-A33").text()).contains("14,400");
        assertThat(file.selectFirst("#basis-D2").text())
                .contains("90")
                .contains("特色不够鲜明")
                .contains("feature.pdf");
        assertThat(file.select("#print[data-print]")).hasSize(1);
        assertThat(file.select("script:not([src])").stream()
                        .filter(s -> !"application/json".equals(s.attr("type")))
                        .toList())
                .isEmpty();

        // the unit page: its file, its data of the year, and (nothing yet) no rectification
        Document unit = page("qs_director", "/org/PGL01");
        assertThat(unit.select("#unit-evaluations a").eachAttr("href")).contains("/evaluation/T-PG-L/PGL01");
        assertThat(unit.selectFirst("#value-books").text()).contains("14400");
        assertThat(unit.select("#unit-data nav a").eachText()).contains(String.valueOf(EvaluationFixtures.YEAR));
        Document township = page("qs_director", "/org/JB010101");
        assertThat(township.select("#unit-evaluations a").eachAttr("href"))
                .contains("/evaluation/T-PG-L?under=JB010101");
        Document demoSchool = page("school_clerk", "/org/JB01010101");
        assertThat(demoSchool.select("#unit-rectification a").eachAttr("href"))
                .allMatch(h -> h.startsWith("/rectification"));

        // out of scope: nothing to see
        mvc.perform(get("/org/PGL01").with(user(users.loadUserByUsername("dh_director"))))
                .andExpect(status().isNotFound());
        // the 公示 page can be printed too (this test's own file put under 公示 directly)
        jdbc.update(
                "update evaluation set state = 'PUBLICITY', publicity_until = ? where org_unit_id ="
                        + " (select id from org_unit where code = 'PGL01')",
                java.sql.Timestamp.from(org.dudao.support.TestClock.now().plusSeconds(86400)));
        Document publicity = Jsoup.parse(mvc.perform(get("/public/projects/T-PG-L"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(publicity.select("script[src$=dudao.js]")).hasSize(1);
        assertThat(publicity.select("#print[data-print]")).hasSize(1);
    }

    @Test
    void theUnitPageListsTheRectificationItemsTheViewerMaySee() throws Exception {
        Api api = new Api(mvc);
        EvaluationFixtures fx = new EvaluationFixtures(api, orgUnits, values);
        fx.basicPrimary("PGL02", "链接整改测试小学");
        fx.project("T-PG-R", "2099-12-31", 0, "PGL02");
        fx.scoredByCounty("T-PG-R", "PGL02");
        api.post(
                        "qs_director",
                        "/api/projects/T-PG-R/evaluations/PGL02/transitions",
                        EvaluationFixtures.transition("approve", null))
                .andExpect(status().isOk());
        Document unit = page("qs_director", "/org/PGL02");
        assertThat(unit.select("#unit-rectification li")).hasSize(4);
        assertThat(unit.selectFirst("#unit-rectification-all").attr("href")).isEqualTo("/rectification?unit=PGL02");
        Document list =
                page("qs_director", unit.selectFirst("#unit-rectification-all").attr("href"));
        assertThat(list.select("#item-table tbody tr")).hasSize(4);
        Document own = page(head("PGL02"), "/org/PGL02");
        assertThat(own.select("#unit-rectification li")).hasSize(4);
    }

    private Document page(String username, String href) throws Exception {
        return Jsoup.parse(mvc.perform(get(URI.create(href)).with(user(users.loadUserByUsername(username))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }
}
