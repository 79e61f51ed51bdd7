package org.dudao.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dudao.evaluation.EvaluationFixtures;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.dudao.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * 专项督查 and 回头看: schools chosen by kind, township and plaque year; cross-zone assignment; a failing 回头看 opens
 * rectification items, fails its re-check and loses its plaque, shown on the public page; scope and bad input.
 */
@DudaoTest
class SpecialInspectionsTest {

    static final int YEAR = TestClock.year();
    static final String ALL_GOOD = """
            {"item":"MANAGEMENT","rating":"好"},{"item":"ENROLMENT","rating":"好"},{"item":"CURRICULUM","rating":"较好"},
            {"item":"WORKLOAD","rating":"好"},{"item":"ETHICS","rating":"好"},{"item":"FOOD","rating":"一般"},
            {"item":"ETHOS","rating":"好"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    @Autowired
    org.dudao.org.OrgUnits orgUnits;

    @Autowired
    org.dudao.data.DataValues values;

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long id(ResultActions r) throws Exception {
        return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    /** The school holds the plaque of a project of this year (the acceptance itself is tested in evaluation). */
    private void certified(Api api, String project, String school) throws Exception {
        new EvaluationFixtures(api, orgUnits, values).project(project, (YEAR + 1) + "-12-31", 0, school);
        int rows = jdbc.update(
                "update evaluation set state = 'CERTIFIED' where org_unit_id = (select id from org_unit where code = ?)",
                school);
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void theOfficeChoosesSchoolsByKindTownshipAndPlaqueYearAndAssignsAcrossZones() throws Exception {
        Api api = new Api(mvc);
        InspectionFixtures fx = new InspectionFixtures(api);
        fx.school("SPI01", "专项测试一小");
        fx.school("SPI02", "专项测试二小");
        api.post("admin", "/api/org-units", """
                {"code":"SPI03","name":"专项测试初中","kind":"初中","parentCode":"JB010101"}""").andExpect(status().isCreated());
        api.post("admin", "/api/org-units", """
                {"code":"SPI04","name":"专项测试外镇小学","kind":"小学","parentCode":"JB010102"}""").andExpect(status().isCreated());
        long mine = fx.inspector("专项督学", "cg_inspector");
        fx.zone("SPI-Z", mine, "SPI01", "SPI02", "SPI03");
        certified(api, "SPI-P", "SPI01");

        // by kind within a township: the 初中 of 城关镇 only
        String byKind = api.post("qs_director", "/api/special-inspections", """
                        {"title":"初中课后服务专项督查","county":"JB0101","deadline":"2026-07-31",
                         "kinds":["初中"],"townships":["JB010101"],"items":["WORKLOAD","SAFETY"]}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("SPECIAL"))
                .andExpect(jsonPath("$.items[*].code", contains("WORKLOAD", "SAFETY")))
                .andExpect(jsonPath("$.checks[*].school", hasItem("SPI03")))
                .andExpect(jsonPath("$.checks[*].school", not(hasItem("SPI01"))))
                .andExpect(jsonPath("$.checks[?(@.school=='SPI03')].inspector", contains((int) mine)))
                .andExpect(jsonPath("$.checks[?(@.school=='SPI03')].crossZone", contains(false)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> kinds = JsonPath.read(byKind, "$.checks[*].school");
        assertThat(kinds).doesNotContain("SPI04", "SPI02");
        // by township: every school of 城关镇, none of another township
        api.post("qs_director", "/api/special-inspections", """
                        {"title":"城关镇校园安全专项督查","county":"JB0101","deadline":"2026-07-31","townships":["JB010101"]}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.items.length()").value(8))
                .andExpect(jsonPath("$.checks[*].school", hasItem("SPI01")))
                .andExpect(jsonPath("$.checks[*].school", hasItem("SPI03")))
                .andExpect(jsonPath("$.checks[*].school", not(hasItem("SPI04"))));
        // plaque holders since this year: SPI01, not its uncertified neighbour
        long special = id(api.post("qs_director", "/api/special-inspections", """
                        {"title":"授牌学校专项督查","county":"JB0101","deadline":"2026-07-31","plaqueSince":%d}""".formatted(YEAR))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.checks[*].school", hasItem("SPI01")))
                .andExpect(jsonPath("$.checks[*].school", not(hasItem("SPI02"))))
                .andExpect(jsonPath("$.done").value(0)));

        // bad input names the field
        api.post("qs_director", "/api/special-inspections", """
                        {"county":"JB0101","deadline":"2026-07-31","kinds":["小学"]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")));
        api.post("qs_director", "/api/special-inspections", """
                        {"kind":"REVISIT","title":"回头看","county":"JB0101","deadline":"2026-07-31"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("plaqueSince")));
        api.post("qs_director", "/api/special-inspections", """
                        {"title":"x","county":"JB0101","deadline":"2026-07-31","kinds":["银行"],"townships":["JB010201"]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("kinds")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("townships")));
        api.post("qs_director", "/api/special-inspections", """
                        {"title":"x","county":"JB0101","deadline":"2026-07-31"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("kinds")));
        api.post("cg_inspector", "/api/special-inspections", """
                        {"title":"x","county":"JB0101","deadline":"2026-07-31","kinds":["小学"]}""").andExpect(status().is4xxClientError());

        // 交叉督导: an inspector of another township sees the school only once assigned, for this inspection only
        api.post("admin", "/api/users", """
                {"username":"spi_inspector","displayName":"外镇督学","password":"%s","mustChangePassword":false,
                 "grants":[{"role":"INSPECTOR","orgUnit":"JB010102"}]}""".formatted(Api.PASSWORD)).andExpect(status().isCreated());
        long cross = fx.inspector("外镇督学", "spi_inspector");
        api.get("spi_inspector", "/api/special-inspections/" + special).andExpect(status().isNotFound());
        api.post("qs_director", "/api/special-inspections/" + special + "/assignments", """
                        {"school":"SPI01","inspector":%d}""".formatted(cross))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.crossZone").value(true))
                .andExpect(jsonPath("$.inspectorName").value("外镇督学"));
        api.post("qs_director", "/api/special-inspections/" + special + "/assignments", """
                        {"school":"SPI01","inspector":999999}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("inspector"));
        api.get("spi_inspector", "/api/special-inspections/" + special)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checks[*].school", contains("SPI01")))
                .andExpect(jsonPath("$.total").value(1));
        api.get("spi_inspector", "/api/special-inspections").andExpect(jsonPath("$[*].id", hasItem((int) special)));
        // the school's own responsible inspector no longer holds this check
        api.get("cg_inspector", "/api/special-inspections/" + special + "/checks/SPI01")
                .andExpect(status().isNotFound());
        long photo = id(api.upload(
                        "spi_inspector",
                        "/api/special-inspections/" + special + "/checks/SPI01/photos",
                        "gate.png",
                        EvaluationFixtures.png())
                .andExpect(status().isCreated()));
        api.post("spi_inspector", "/api/special-inspections/" + special + "/checks/SPI01", """
                        {"results":[{"item":"SAFETY","rating":"很差"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("results[0].rating"));
        api.post("spi_inspector", "/api/special-inspections/" + special + "/checks/SPI01", """
                        {"results":[{"item":"SAFETY","rating":"好","finding":"消防设施完好","evidence":[%d]}],"submit":true}""".formatted(photo))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("results"));
        // refused as a whole: nothing was kept; saved without submitting, it counts at the submit
        api.get("spi_inspector", "/api/special-inspections/" + special + "/checks/SPI01")
                .andExpect(jsonPath("$.results.length()").value(0));
        api.post("spi_inspector", "/api/special-inspections/" + special + "/checks/SPI01", """
                        {"results":[{"item":"SAFETY","rating":"好","finding":"消防设施完好","evidence":[%d]}]}""".formatted(photo))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"));
        api.post("spi_inspector", "/api/special-inspections/" + special + "/checks/SPI01", """
                        {"results":[%s],"summary":"各项工作规范","submit":true}""".formatted(ALL_GOOD))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.passed").value(true))
                .andExpect(jsonPath("$.submittedBy").value("spi_inspector"))
                .andExpect(jsonPath("$.results[?(@.item=='SAFETY')].evidence[0]", contains((int) photo)));
        api.get("qs_director", "/api/special-inspections/" + special)
                .andExpect(jsonPath("$.done").value(1));
        // submitted: no more changes, no re-check of a pass
        api.post("spi_inspector", "/api/special-inspections/" + special + "/checks/SPI01", """
                        {"results":[{"item":"SAFETY","rating":"差"}]}""")
                .andExpect(status().isConflict());
        api.post("spi_inspector", "/api/special-inspections/" + special + "/checks/SPI01/recheck", """
                        {"passed":false,"note":"x"}""")
                .andExpect(status().isConflict());

        // other county: the inspection does not exist
        api.get("dh_director", "/api/special-inspections/" + special).andExpect(status().isNotFound());
        api.get("dh_director", "/api/special-inspections").andExpect(jsonPath("$[*].id", not(hasItem((int) special))));
        api.post("dh_director", "/api/special-inspections/" + special + "/assignments", """
                        {"school":"SPI01","inspector":%d}""".formatted(cross))
                .andExpect(status().isNotFound());
        api.post("dh_director", "/api/special-inspections", """
                        {"title":"x","county":"JB0101","deadline":"2026-07-31","kinds":["小学"]}""").andExpect(status().isNotFound());
        api.get("school_clerk", "/api/special-inspections/" + special).andExpect(status().isNotFound());
    }

    @Test
    void aPlaqueHolderFailingItsRevisitAndItsRecheckLosesThePlaque() throws Exception {
        Api api = new Api(mvc);
        InspectionFixtures fx = new InspectionFixtures(api);
        fx.school("SPR01", "回头看测试小学");
        long mine = fx.inspector("回头看督学", "cg_inspector");
        fx.school("SPR02", "回头看测试二小");
        fx.zone("SPR-Z", mine, "SPR01", "SPR02");
        certified(api, "SPR-P", "SPR01");
        certified(api, "SPR-Q", "SPR02");

        long revisit = id(api.post("qs_director", "/api/special-inspections", """
                        {"kind":"REVISIT","title":"授牌学校回头看","county":"JB0101","deadline":"2026-07-31",
                         "plaqueSince":%d}""".formatted(YEAR))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("REVISIT"))
                .andExpect(jsonPath("$.checks[*].school", hasItem("SPR01"))));
        String check = "/api/special-inspections/" + revisit + "/checks/SPR01";
        // before any re-check there is nothing to revoke
        api.post("qs_director", "/api/plaques/SPR01/revoke", "{\"reason\":\"整改不到位\"}")
                .andExpect(status().isConflict());

        String failed = api.post("cg_inspector", check, """
                        {"results":[%s,{"item":"SAFETY","rating":"差","finding":"消防通道长期堵塞"}],
                         "submit":true,"rectifyBy":"2026-07-20"}""".formatted(ALL_GOOD))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passed").value(false))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Integer> items = JsonPath.read(failed, "$.results[?(@.item=='SAFETY')].rectification");
        assertThat(items).hasSize(1);
        List<Object> none = JsonPath.read(failed, "$.results[?(@.item=='FOOD')].rectification");
        assertThat(none).containsExactly((Object) null);
        api.get("qs_director", "/api/rectifications/" + items.get(0))
                .andExpect(jsonPath("$.source").value("INSPECTION"))
                .andExpect(jsonPath("$.sourceRef").value("SPECIAL-" + revisit))
                .andExpect(jsonPath("$.problem").value("消防通道长期堵塞"))
                .andExpect(jsonPath("$.deadline").value("2026-07-20"));
        api.get("qs_director", "/api/special-inspections/" + revisit)
                .andExpect(jsonPath("$.failed").value(1));

        // the inspector's re-check fails too; then only the county's office revokes, with a reason
        api.post("cg_inspector", check + "/recheck", "{\"passed\":false}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        api.post("cg_inspector", check + "/recheck", "{\"passed\":false,\"note\":\"通道仍被占用\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECHECKED"))
                .andExpect(jsonPath("$.recheckPassed").value(false));
        api.post("qs_director", "/api/plaques/SPR01/revoke", "{\"reason\":\" \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        api.post("cg_inspector", "/api/plaques/SPR01/revoke", "{\"reason\":\"整改不到位\"}")
                .andExpect(status().is4xxClientError());
        api.post("dh_director", "/api/plaques/SPR01/revoke", "{\"reason\":\"整改不到位\"}")
                .andExpect(status().isNotFound());
        api.post("qs_director", "/api/plaques/SPR01/revoke", "{\"reason\":\"回头看及复查均未通过，整改不到位\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revokedBy").value("qs_director"));
        api.post("qs_director", "/api/plaques/SPR01/revoke", "{\"reason\":\"再次\"}")
                .andExpect(status().isConflict());

        // shown on the public page (no login), the printed plaque and the check; no longer a plaque holder
        String page = mvc.perform(get("/public/plaques/SPR01"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("已摘牌").contains("回头看及复查均未通过，整改不到位");
        byte[] pdf = api.get("qs_director", "/api/plaques/SPR01.pdf")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = PDDocument.load(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("已摘牌");
        }
        api.get("qs_director", check).andExpect(jsonPath("$.revocation.reason").value("回头看及复查均未通过，整改不到位"));
        api.post("qs_director", "/api/special-inspections", """
                        {"kind":"REVISIT","title":"再次回头看","county":"JB0101","deadline":"2026-07-31",
                         "plaqueSince":%d}""".formatted(YEAR))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.checks[*].school", hasItem("SPR02")))
                .andExpect(jsonPath("$.checks[*].school", not(hasItem("SPR01"))));
        // the school's history on its unit page
        var director = user(users.loadUserByUsername("qs_director"));
        assertThat(page(get("/org/SPR01").with(director))).contains("授牌学校回头看").contains("已摘牌");
        // and the screens: the list, the progress, the school's check with its revocation
        assertThat(page(get("/inspection/special").with(director))).contains("授牌学校回头看");
        assertThat(page(get("/inspection/special/" + revisit).with(director)))
                .contains("回头看测试小学")
                .contains("已摘牌");
        assertThat(page(get("/inspection/special/" + revisit + "/checks/SPR01").with(director)))
                .contains("消防通道长期堵塞")
                .contains("通道仍被占用")
                .contains("回头看及复查均未通过，整改不到位");
        assertThat(page(get("/inspection/special/" + revisit + "/checks/SPR02")
                        .with(user(users.loadUserByUsername("cg_inspector")))))
                .contains("check-submit");
    }

    @Test
    void aSchemeGivesTheChecklistScoredAgainstItsPassLine() throws Exception {
        Api api = new Api(mvc);
        InspectionFixtures fx = new InspectionFixtures(api);
        api.post("admin", "/api/org-units", """
                {"code":"SPS01","name":"方案测试初中","kind":"初中","parentCode":"JB010101"}""").andExpect(status().isCreated());
        long mine = fx.inspector("方案督学", "cg_inspector");
        fx.zone("SPS-Z", mine, "SPS01");
        String launched = api.post("qs_director", "/api/special-inspections", """
                        {"title":"义务教育标准化专项督查","county":"JB0101","deadline":"2026-07-31","scheme":"YWBZH",
                         "kinds":["初中"],"townships":["JB010101"]}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scheme").value("YWBZH"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(launched, "$.id")).longValue();
        List<String> codes = JsonPath.read(launched, "$.items[*].code");
        List<Double> points = JsonPath.read(launched, "$.items[*].points");
        double passLine = ((Number) JsonPath.read(launched, "$.passLine")).doubleValue();
        assertThat(codes).isNotEmpty();
        assertThat(passLine).isPositive();
        String check = "/api/special-inspections/" + id + "/checks/SPS01";
        api.post("cg_inspector", check, """
                        {"results":[{"item":"%s","score":%s}]}""".formatted(codes.get(0), points.get(0) + 1))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("results[0].score"));
        // full points everywhere but the first item, which scores nothing
        StringBuilder results = new StringBuilder();
        double total = 0;
        for (int i = 0; i < codes.size(); i++) {
            double score = i == 0 ? 0 : points.get(i);
            total += score;
            results.append(i == 0 ? "" : ",").append("{\"item\":\"%s\",\"score\":%s}".formatted(codes.get(i), score));
        }
        boolean pass = total >= passLine;
        ResultActions submitted = api.post(
                        "cg_inspector", check, "{\"results\":[%s],\"submit\":true}".formatted(results))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.score").value(total))
                .andExpect(jsonPath("$.passed").value(pass));
        if (!pass) submitted.andExpect(jsonPath("$.results[0].rectification").isNumber());
    }
}
