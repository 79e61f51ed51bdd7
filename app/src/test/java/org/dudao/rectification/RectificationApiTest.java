package org.dudao.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.evaluation.EvaluationFixtures.head;
import static org.dudao.evaluation.EvaluationFixtures.transition;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dudao.data.DataValues;
import org.dudao.evaluation.EvaluationFixtures;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.dudao.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A 基本达标 school: items drafted from lost points, plan, notice, evidence, review, 销号 and 重新复核. */
@DudaoTest
class RectificationApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    @Test
    void aBasicSchoolRectifiesAndIsRecheckedUpToTheCity() throws Exception {
        Api api = new Api(mvc);
        EvaluationFixtures fx = new EvaluationFixtures(api, orgUnits, values);
        fx.basicPrimary("RCAB01", "整改测试小学");
        fx.project("T-RC-1", "2099-12-31", 7, "RCAB01");
        String f = "/api/projects/T-RC-1/evaluations/RCAB01";
        String head = head("RCAB01");
        fx.scoredByCounty("T-RC-1", "RCAB01");
        api.post("qs_director", f + "/transitions", transition("approve", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grade").value("基本达标"));

        // drafted from the indicators that lost points
        String list = api.get("qs_director", "/api/rectifications?unit=RCAB01")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", containsInAnyOrder("A21", "A32", "A33", "C2")))
                .andExpect(jsonPath("$[0].status").value("PLANNING"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Integer> ids = JsonPath.read(list, "$[*].id");
        api.get("dh_director", "/api/rectifications/" + ids.get(0)).andExpect(status().isNotFound());
        api.get("dh_director", "/api/rectifications?unit=RCAB01").andExpect(status().isNotFound());
        api.get("school_clerk", "/api/rectifications/" + ids.get(0)).andExpect(status().isNotFound());

        // numbered notice, printable
        String notice = api.post(
                        "qs_director", "/api/rectification-notices", "{\"orgUnit\":\"RCAB01\",\"project\":\"T-RC-1\"}")
                .andExpect(status().isCreated())
                // the 文号 of the office that runs the project, its 落款 and the project's full name
                .andExpect(jsonPath("$.number", org.hamcrest.Matchers.matchesPattern("青督〔\\d{4}〕\\d+号")))
                .andExpect(jsonPath("$.issuer").value("青山县人民政府教育督导室"))
                .andExpect(jsonPath("$.title", org.hamcrest.Matchers.not("T-RC-1")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Integer noticeId = JsonPath.read(notice, "$.id");
        String number = JsonPath.read(notice, "$.number");
        byte[] pdf = mvc.perform(
                        get("/api/rectification-notices/" + noticeId + "/pdf").with(httpBasic(head, Api.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = PDDocument.load(pdf)) {
            assertThat(new PDFTextStripper().getText(doc))
                    .contains("限期整改通知书")
                    .contains("整改测试小学")
                    .contains("青山县人民政府教育督导室")
                    .contains(number);
        }
        api.get("dh_director", "/api/rectification-notices/" + noticeId).andExpect(status().isNotFound());

        // the school plans (at most two years), fixes, reports; the county reviews
        String in3Years = TestClock.today().plusYears(3).toString();
        String in1Year = TestClock.today().plusYears(1).toString();
        api.post(
                        "qs_director",
                        "/api/rectifications/" + ids.get(0) + "/plan",
                        "{\"plan\":\"x\",\"deadline\":\"%s\"}".formatted(in1Year))
                .andExpect(status().isForbidden());
        api.post(
                        head,
                        "/api/rectifications/" + ids.get(0) + "/plan",
                        "{\"plan\":\"x\",\"deadline\":\"%s\"}".formatted(in3Years))
                .andExpect(status().isBadRequest());
        api.post(head, "/api/rectifications/" + ids.get(0) + "/report", "{\"progress\":\"x\"}")
                .andExpect(status().isConflict());
        for (Integer id : ids) {
            api.post(
                            head,
                            "/api/rectifications/" + id + "/plan",
                            "{\"plan\":\"增购图书、扩建操场、添置计算机\",\"deadline\":\"%s\"}".formatted(in1Year))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        }
        Access.runAsSystem(() -> {
            OrgUnitRef u = orgUnits.readable("RCAB01");
            String year = String.valueOf(EvaluationFixtures.YEAR);
            values.putNumber(u.id(), u.path(), year, "books", BigDecimal.valueOf(26 * 600));
            values.putNumber(u.id(), u.path(), year, "sports_area", BigDecimal.valueOf(7.5 * 600));
            values.putNumber(u.id(), u.path(), year, "computers", BigDecimal.valueOf(78));
            values.putNumber(u.id(), u.path(), year, "safety_incidents", BigDecimal.ZERO);
        });
        for (Integer id : ids) {
            api.post(head, "/api/rectifications/" + id + "/report", "{\"progress\":\"已完成\",\"evidence\":[]}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("REVIEW"));
        }
        api.post(head, "/api/rectifications/" + ids.get(0) + "/close", "{}").andExpect(status().isForbidden());
        api.post("qs_director", "/api/rectifications/" + ids.get(0) + "/reject", "{}")
                .andExpect(status().isBadRequest());
        api.post("qs_director", "/api/rectifications/" + ids.get(0) + "/reject", "{\"reason\":\"缺少采购凭证\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        api.post(head, "/api/rectifications/" + ids.get(0) + "/report", "{\"progress\":\"补充凭证\"}")
                .andExpect(status().isOk());
        for (Integer id : ids) {
            api.post("qs_director", "/api/rectifications/" + id + "/close", "{\"reason\":\"核查属实\"}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("CLOSED"));
        }

        // 重新复核: re-scored from the new data, the school now reaches 达标 and goes up to the city
        api.post(head, f + "/transitions", transition("recheck", null)).andExpect(status().isForbidden());
        api.post("qs_director", f + "/transitions", transition("recheck", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("COUNTY"))
                .andExpect(jsonPath("$.total").value(1000.0))
                .andExpect(jsonPath("$.grade").value("达标"));
        api.post("qs_director", f + "/transitions", transition("approve", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("CITY"));
    }
}
