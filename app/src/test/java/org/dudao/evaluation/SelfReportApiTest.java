package org.dudao.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.evaluation.EvaluationFixtures.head;
import static org.dudao.evaluation.EvaluationFixtures.transition;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.dudao.data.DataValues;
import org.dudao.org.OrgUnits;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The 自评报告 with its 专题报告, the 资料汇编 and a project's ranking, through the API (issue 16). */
@DudaoTest
class SelfReportApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    @Autowired
    UserDetailsService users;

    Api api;
    EvaluationFixtures fx;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        fx = new EvaluationFixtures(api, orgUnits, values);
    }

    @Test
    void aSchoolWritesItsReportPrefilledFromItsFiguresWithATopicReportForTheMissedStandard() throws Exception {
        fx.basicPrimary("EVSR01", "自评报告测试小学");
        fx.passingPrimary("EVSR02", "自评报告测试二小");
        fx.project("T-SR-1", "2099-12-31", 7, "EVSR01", "EVSR02");
        String report = "/api/projects/T-SR-1/evaluations/EVSR01/report";
        String head = head("EVSR01");

        // one section per first-level indicator, prefilled with the score and the stored figures
        api.get(head, report)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sections", hasSize(4)))
                .andExpect(jsonPath("$.sections[0].code").value("A"))
                .andExpect(jsonPath("$.sections[0].written").value(false))
                .andExpect(jsonPath("$.sections[0].body", containsString("办学条件：满分 400 分")))
                .andExpect(jsonPath("$.sections[0].body", containsString("图书册数 14,400 册")))
                .andExpect(jsonPath("$.sections[0].figures[?(@.indicator == 'A33')].value")
                        .value(14400.0))
                // 24 books a pupil miss the standard of 25: the one hard indicator not met
                .andExpect(jsonPath("$.topics", hasSize(1)))
                .andExpect(jsonPath("$.topics[0].code").value("A33"))
                .andExpect(jsonPath("$.missingTopics[0]").value("A33"))
                .andExpect(jsonPath("$.topicsRequired").value(false))
                .andExpect(jsonPath("$.editable").value(true));

        // bad input names the part; nothing is written
        api.put(head, report, "{\"sections\":{\"Z\":\"x\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sections"));
        api.put(head, report, "{\"topics\":{\"A11\":\"达标的指标不需要专题报告\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("topics"));
        api.put(head, report, "{\"sections\":{\"A\":\"%s\"}}".formatted("长".repeat(10_001)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sections.A"));
        api.get(head, report).andExpect(jsonPath("$.sections[0].written").value(false));

        api.put(head, report, """
                        {"sections":{"A":"校舍和装备基本达到标准，图书尚有缺口。"},
                         "topics":{"A33":"生均图书24册，差1册；已列入明年采购计划。"}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sections[0].written").value(true))
                .andExpect(jsonPath("$.sections[0].body").value("校舍和装备基本达到标准，图书尚有缺口。"))
                .andExpect(jsonPath("$.topics[0].body").value("生均图书24册，差1册；已列入明年采购计划。"))
                .andExpect(jsonPath("$.missingTopics", hasSize(0)))
                .andExpect(jsonPath("$.updatedBy").value(head));
        // a blank text gives the prefilled summary back
        api.put(head, report, "{\"sections\":{\"A\":\"  \"}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sections[0].written").value(false));

        // scope: another school's head does not find it; the county reads it but may not write it
        api.get(head("EVSR02"), report).andExpect(status().isNotFound());
        api.put(head("EVSR02"), report, "{\"sections\":{\"A\":\"x\"}}").andExpect(status().isNotFound());
        api.get("qs_director", report)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.editable").value(false));
        api.put("qs_director", report, "{\"sections\":{\"A\":\"x\"}}").andExpect(status().isForbidden());
        api.get("dh_director", report).andExpect(status().isNotFound());

        // Word and PDF carry the texts as text
        byte[] docx = api.get(head, report + ".docx")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFWordExtractor words = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
            assertThat(words.getText()).contains("自评报告测试小学自评报告", "A 办学条件", "生均图书24册，差1册", "图书册数");
        }
        assertThat(pdfText(api.get(head, report + ".pdf")
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray()))
                .contains("自评报告测试小学自评报告", "专题报告", "生均图书24册，差1册");

        // a school need not write topic reports: it submits; then the report is read-only
        api.post(head, "/api/projects/T-SR-1/evaluations/EVSR01/transitions", transition("submit", null))
                .andExpect(status().isOk());
        api.put(head, report, "{\"sections\":{\"A\":\"迟到的修改\"}}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("自评阶段")));
    }

    @Test
    void theDossierBundlesContentsReportScoresAndEvidencePerIndicator() throws Exception {
        fx.basicPrimary("EVSR11", "资料汇编测试小学");
        fx.project("T-SR-2", "2099-12-31", 7, "EVSR11");
        String file = "/api/projects/T-SR-2/evaluations/EVSR11";
        String head = head("EVSR11");
        api.upload(head, file + "/evidence", "器材清单.png", EvaluationFixtures.png(), "indicator", "A22")
                .andExpect(status().isCreated());

        byte[] zip = api.get("qs_director", file + "/dossier.zip")
                .andExpect(status().isOk())
                .andExpect(result ->
                        assertThat(result.getResponse().getContentType()).isEqualTo("application/zip"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries.keySet())
                .startsWith("00-目录.pdf")
                .contains("01-自评报告.pdf", "01-自评报告.docx", "02-评分与结论.pdf", "03-佐证材料/A22 体育器材配备/01-器材清单.png");
        assertThat(entries.get("03-佐证材料/A22 体育器材配备/01-器材清单.png")).isEqualTo(EvaluationFixtures.png());
        assertThat(pdfText(entries.get("00-目录.pdf"))).contains("资料汇编测试小学资料汇编", "A22 体育器材配备", "01-器材清单.png", "自评报告");
        assertThat(pdfText(entries.get("02-评分与结论.pdf"))).contains("A33", "生均图书册数", "认定结论");

        api.get("school_clerk", file + "/dossier.zip").andExpect(status().isNotFound());
        api.get("dh_director", file + "/dossier.zip").andExpect(status().isNotFound());
    }

    @Test
    void theOfficeRanksTheUnitsAndPublishesTheRankingToThemAndThePublic() throws Exception {
        fx.passingPrimary("EVSR21", "排名测试一小");
        fx.basicPrimary("EVSR22", "排名测试二小");
        fx.passingPrimary("EVSR23", "排名测试三小");
        fx.project("T-SR-3", "2099-12-31", 7, "EVSR21", "EVSR22", "EVSR23");
        for (String school : new String[] {"EVSR21", "EVSR22", "EVSR23"}) {
            fx.scoredByCounty("T-SR-3", school);
        }
        String ranking = "/api/projects/T-SR-3/ranking";

        // equal totals share a rank: 1, 1, 3
        api.get("qs_director", ranking)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows", hasSize(3)))
                .andExpect(jsonPath("$.rows[0].rank").value(1))
                .andExpect(jsonPath("$.rows[1].rank").value(1))
                .andExpect(jsonPath("$.rows[2].rank").value(3))
                .andExpect(jsonPath("$.rows[2].orgUnit").value("EVSR22"))
                .andExpect(jsonPath("$.publishedAt").doesNotExist())
                .andExpect(jsonPath("$.canPublish").value(true));
        // before publication the evaluated units and the public do not see it
        api.get(head("EVSR22"), ranking).andExpect(status().isNotFound());
        mvc.perform(get("/public/projects/T-SR-3/ranking")).andExpect(status().isNotFound());
        api.post(head("EVSR22"), ranking + "/publish", "{}").andExpect(status().isForbidden());
        api.get("dh_director", ranking).andExpect(status().isNotFound());

        api.post("qs_director", ranking + "/publish", "{\"publicPage\":false}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.publishedAt").exists());
        api.get(head("EVSR22"), ranking)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows", hasSize(3)))
                .andExpect(jsonPath("$.canPublish").value(false));
        mvc.perform(get("/public/projects/T-SR-3/ranking")).andExpect(status().isNotFound());

        api.post("qs_director", ranking + "/publish", "{\"publicPage\":true}").andExpect(status().isOk());
        String page = mvc.perform(get("/public/projects/T-SR-3/ranking"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("排名测试一小", "排名测试二小", "排名测试三小");
        api.get("qs_director", ranking + ".xlsx").andExpect(status().isOk());
    }

    @Test
    void theTownshipsOfA督政ProjectAreRankedByTheirScores() throws Exception {
        // the demo's 乡镇督政 of 青山县 (DemoChains): every township scored at the county and closed
        String ranking = "/api/projects/QS-XZDZ-" + EvaluationFixtures.YEAR + "/ranking";
        String json = api.get("qs_director", ranking)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].rank").value(1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> rows = com.jayway.jsonpath.JsonPath.read(json, "$.rows");
        assertThat(rows).hasSizeGreaterThan(1);
        assertThat(rows).allSatisfy(r -> assertThat(r.get("kind")).isIn("乡镇", "街道"));
        for (int i = 1; i < rows.size(); i++) {
            double before = ((Number) rows.get(i - 1).get("total")).doubleValue();
            double now = ((Number) rows.get(i).get("total")).doubleValue();
            assertThat(now).isLessThanOrEqualTo(before);
            int rank = ((Number) rows.get(i).get("rank")).intValue();
            assertThat(rank).isEqualTo(now == before ? ((Number) rows.get(i - 1).get("rank")).intValue() : i + 1);
        }
        // a township sees the ranking only once the county publishes it
        api.get("cg_clerk", ranking).andExpect(status().isNotFound());
        api.get("dh_director", ranking).andExpect(status().isNotFound());
    }

    @Test
    void theReportScreenKeepsWhatWasTypedAndNamesTheFieldInChinese() throws Exception {
        fx.basicPrimary("EVSR31", "自评报告页面测试小学");
        fx.project("T-SR-4", "2099-12-31", 7, "EVSR31");
        String page = "/evaluation/T-SR-4/EVSR31/report";
        String head = head("EVSR31");

        mvc.perform(as(head, get(page)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"section.A\"")))
                .andExpect(content().string(containsString("id=\"topic.A33\"")));
        mvc.perform(as(head, post(page).param("section.A", "长".repeat(10_001))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"flash-invalid\"")))
                .andExpect(content().string(containsString("10000")));
        mvc.perform(as(head, post(page).param("section.A", "图书缺口正在补齐。").param("topic.A33", "明年补齐图书。")))
                .andExpect(redirectedUrl(page));
        mvc.perform(as(head, get(page)))
                .andExpect(content().string(containsString("图书缺口正在补齐。")))
                .andExpect(content().string(containsString("明年补齐图书。")));
        // the county reads it without a form; the file page links it
        mvc.perform(as("qs_director", get(page)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("图书缺口正在补齐。")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"report-save\""))));
        mvc.perform(as("qs_director", get("/evaluation/T-SR-4/EVSR31")))
                .andExpect(content().string(containsString(page)));
    }

    private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
        return request.with(user(users.loadUserByUsername(username))).with(csrf());
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = PDDocument.load(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
