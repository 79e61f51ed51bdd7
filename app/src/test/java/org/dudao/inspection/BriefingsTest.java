package org.dudao.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** 督导简报: composed, edited, issued with a gapless number (also under 20 concurrent issues), PDF and Word. */
@DudaoTest
class BriefingsTest {

    @Autowired
    MockMvc mvc;

    private static String body(org.springframework.test.web.servlet.ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString();
    }

    @Test
    void aBriefingIsComposedEditedIssuedAndDownloaded() throws Exception {
        Api api = new Api(mvc);
        String draft = body(api.post("qs_director", "/api/briefings", """
                        {"office":"JB0101","title":"六月督导情况","from":"2026-06-01","until":"2026-06-30"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.number").doesNotExist()));
        assertThat((String) JsonPath.read(draft, "$.body")).contains("共开展督导");
        int id = JsonPath.read(draft, "$.id");
        api.put("qs_director", "/api/briefings/" + id, """
                        {"title":"六月督导情况通报","body":"本月各校运转正常。\\n消防通道问题已整改。","distribution":"县教育局"}""").andExpect(status().isOk());
        api.get("dh_director", "/api/briefings/" + id).andExpect(status().isNotFound());
        api.post("dh_director", "/api/briefings/" + id + "/issue", null).andExpect(status().isNotFound());
        api.post("cg_clerk", "/api/briefings", """
                        {"office":"JB0101","title":"越权","from":"2026-06-01","until":"2026-06-30"}""").andExpect(status().isNotFound());
        String issued = body(api.post("qs_director", "/api/briefings/" + id + "/issue", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ISSUED")));
        assertThat((String) JsonPath.read(issued, "$.number")).matches("2026年第\\d+期");
        // read-only once issued
        api.put("qs_director", "/api/briefings/" + id, "{\"title\":\"改\",\"body\":\"改\"}")
                .andExpect(status().isConflict());
        api.post("qs_director", "/api/briefings/" + id + "/issue", null).andExpect(status().isConflict());

        byte[] pdf = api.get("qs_director", "/api/briefings/" + id + ".pdf")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = PDDocument.load(pdf)) {
            assertThat(new PDFTextStripper().getText(doc))
                    .contains("督导简报")
                    .contains("六月督导情况通报")
                    .contains("消防通道问题已整改");
        }
        byte[] docx = api.get("qs_director", "/api/briefings/" + id + ".docx")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFWordExtractor words = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
            assertThat(words.getText())
                    .contains("六月督导情况通报")
                    .contains("消防通道问题已整改")
                    .contains("县教育局");
        }
    }

    @Test
    void twentyConcurrentIssuesGetNumbersOneToTwentyWithoutGaps() throws Exception {
        Api api = new Api(mvc);
        api.post(
                        "admin",
                        "/api/org-units",
                        "{\"code\":\"BRF1\",\"name\":\"简报测试县\",\"kind\":\"县\",\"parentCode\":\"JB01\"}")
                .andExpect(status().isCreated());
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(JsonPath.read(
                    body(api.post("admin", "/api/briefings", """
                                    {"office":"BRF1","title":"并发简报%d","from":"2026-06-01","until":"2026-06-30"}""".formatted(i)).andExpect(status().isCreated())),
                    "$.id"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (Integer id : ids) {
                Callable<String> issue = () -> body(api.post("admin", "/api/briefings/" + id + "/issue", null)
                        .andExpect(status().isOk()));
                answers.add(pool.submit(issue));
            }
            Set<String> numbers = new TreeSet<>();
            for (Future<String> a : answers) numbers.add(JsonPath.read(a.get(), "$.number"));
            Set<String> expected = new TreeSet<>();
            for (int n = 1; n <= 20; n++) expected.add("2026年第" + n + "期");
            assertThat(numbers).isEqualTo(expected);
        } finally {
            pool.shutdown();
        }
    }
}
