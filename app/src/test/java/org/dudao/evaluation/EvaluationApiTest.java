package org.dudao.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.evaluation.EvaluationFixtures.fullManual;
import static org.dudao.evaluation.EvaluationFixtures.head;
import static org.dudao.evaluation.EvaluationFixtures.transition;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dudao.data.DataValues;
import org.dudao.evaluation.internal.ProjectScope;
import org.dudao.org.OrgUnits;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.dudao.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@DudaoTest
class EvaluationApiTest {

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

    private String file(String project, String school) {
        return "/api/projects/" + project + "/evaluations/" + school;
    }

    @Test
    void aPrimarySchoolGoesFromSelfEvaluationToThePlaque() throws Exception {
        fx.passingPrimary("EVAP01", "评估测试第一小学");
        fx.project("T-EV-1", "2099-12-31", 7, "EVAP01");
        String f = file("T-EV-1", "EVAP01");
        String head = head("EVAP01");

        api.get("qs_director", "/api/projects/T-EV-1")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scheme").value("YWBZH"))
                .andExpect(jsonPath("$.schools").value(1));
        api.get("dh_director", "/api/projects/T-EV-1").andExpect(status().isNotFound());
        api.get("dh_director", "/api/projects/T-EV-1/evaluations").andExpect(status().isNotFound());
        api.get("school_clerk", "/api/projects/T-EV-1/evaluations")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
        api.get("qs_director", "/api/projects/T-EV-1/evaluations")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].orgUnit").value("EVAP01"))
                .andExpect(jsonPath("$[0].stage").value("SELF"))
                .andExpect(jsonPath("$[0].status").value("DRAFT"));

        // 自评: 650 quantitative + 340 manual
        api.put(head, f + "/self", fullManual())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(990.0))
                .andExpect(jsonPath("$.grade").value("达标"));
        api.put(head, f + "/self", """
                {"manual":{"D2":{"score":80}}}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("manual.D2"));
        api.post("qs_director", f + "/transitions", transition("submit", null)).andExpect(status().isForbidden());
        api.post(head, f + "/transitions", transition("submit", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("SELF"))
                .andExpect(jsonPath("$.status").value("SIGNED"));
        api.post(head, f + "/transitions", transition("submit", null))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(not(containsString("TOWNSHIP"))));
        api.post("qs_director", f + "/transitions", transition("certify", null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("SELF_SIGNED")));
        api.post("cg_clerk", f + "/transitions", transition("submit", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("COUNTY"));

        // 县级初评
        api.post("qs_expert", f + "/transitions", transition("score", null)).andExpect(status().isForbidden());
        api.post("qs_director", "/api/projects/T-EV-1/groups", """
                {"level":"COUNTY","name":"第一组","leader":"qs_expert","members":[],"schools":["EVAP01"]}""").andExpect(status().isCreated());
        api.put("city_expert", f + "/expert-score", fullManual()).andExpect(status().isForbidden());
        api.post("qs_expert", f + "/transitions", transition("score", null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("专家评分")));
        // on-site findings come with a photo the expert took of the school
        String photo = com.jayway.jsonpath.JsonPath.read(
                        api.upload("qs_expert", f + "/photos", "track.png", EvaluationFixtures.png())
                                .andExpect(status().isCreated())
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.id")
                .toString();
        api.put("qs_expert", f + "/expert-score", """
                {"manual":{"A22":{"score":18,"reason":"器材略缺"},"A34":{"score":40},"B4":{"score":50},
                 "C1":{"score":60},"C3":{"score":80},"D2":{"score":95,"reason":"较好"}},
                 "comment":"现场查看","findings":"操场跑道有破损","evidence":[%s]}""".formatted(photo))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.evidence[0]").value(Integer.parseInt(photo)));
        api.post("qs_expert", f + "/transitions", transition("score", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SCORED"))
                .andExpect(jsonPath("$.total").value(993.0));
        api.post("qs_director", f + "/transitions", transition("return", " ")).andExpect(status().isConflict());
        api.post("qs_director", f + "/transitions", transition("return", "请专家组复议体育器材得分"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SCORING"));
        api.post("qs_expert", f + "/transitions", transition("score", null)).andExpect(status().isOk());
        api.post("dh_director", f + "/transitions", transition("approve", null)).andExpect(status().isNotFound());
        api.post("qs_director", f + "/transitions", transition("approve", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("CITY"));

        // 市级复核
        api.post("qs_director", "/api/projects/T-EV-1/groups", """
                {"level":"CITY","name":"市复核组","leader":"city_expert","schools":["EVAP01"]}""").andExpect(status().isForbidden());
        api.post("city_director", "/api/projects/T-EV-1/groups", """
                {"level":"CITY","name":"市复核组","leader":"city_expert","schools":["EVAP01"]}""").andExpect(status().isCreated());
        api.put("qs_expert", f + "/expert-score", fullManual()).andExpect(status().isForbidden());
        api.put("city_expert", f + "/expert-score", fullManual()).andExpect(status().isOk());
        api.post("city_expert", f + "/transitions", transition("score", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(990.0));
        api.post("qs_director", f + "/transitions", transition("approve", null)).andExpect(status().isForbidden());
        api.post("city_director", f + "/transitions", transition("approve", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("APPROVAL"))
                .andExpect(jsonPath("$.status").value("PUBLICITY"));

        // 公示 and an objection, without login
        // the 公示 is an official notice of the office that runs the project: 文号, 落款 and date
        String publicity = mvc.perform(get("/api/public/projects/T-EV-1/publicity"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.schools[0].name").value("评估测试第一小学"))
                .andExpect(jsonPath("$.project.number", org.hamcrest.Matchers.matchesPattern("青督〔\\d{4}〕\\d+号")))
                .andExpect(jsonPath("$.project.issuer").value("青山县人民政府教育督导室"))
                .andExpect(jsonPath("$.project.issuedAt").isNotEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String publicityNumber = com.jayway.jsonpath.JsonPath.read(publicity, "$.project.number");
        mvc.perform(get("/public/projects/T-EV-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("评估测试第一小学")))
                .andExpect(content().string(containsString(publicityNumber)))
                .andExpect(content().string(containsString("青山县人民政府教育督导室")));
        Long id = jdbc.queryForObject(
                "select e.id from evaluation e join eval_project p on p.id = e.project_id " + "where p.code = 'T-EV-1'",
                Long.class);
        mvc.perform(post("/api/public/projects/T-EV-1/objections")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"evaluation\":%d,\"body\":\"操场面积与实际不符\",\"contact\":\"13800000000\"}".formatted(id)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contact").doesNotExist());
        api.post("qs_director", f + "/transitions", transition("approve", null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("公示期")));
        jdbc.update(
                "update evaluation set publicity_until = ? where id = ?",
                java.sql.Timestamp.from(TestClock.now().minusSeconds(60)),
                id);
        mvc.perform(post("/api/public/projects/T-EV-1/objections")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"evaluation\":%d,\"body\":\"晚了\"}".formatted(id)))
                .andExpect(status().isConflict());
        api.post("qs_director", f + "/transitions", transition("approve", null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("异议")));
        Long objection = jdbc.queryForObject("select id from objection where evaluation_id = ?", Long.class, id);
        api.post("qs_expert", f + "/objections/" + objection + "/answer", "{\"answer\":\"x\"}")
                .andExpect(status().isForbidden());
        api.post("qs_director", f + "/objections/" + objection + "/answer", "{\"answer\":\"经核查，操场面积数据属实\"}")
                .andExpect(status().isOk());
        // a 小学 is approved by the county body, not the city
        api.post("city_director", f + "/transitions", transition("approve", null))
                .andExpect(status().isForbidden());
        api.post("qs_director", f + "/transitions", transition("approve", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        api.post("qs_director", f + "/transitions", transition("certify", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("CERTIFIED"))
                .andExpect(jsonPath("$.certificateNo")
                        .value(org.hamcrest.Matchers.startsWith("JB0101-" + EvaluationFixtures.YEAR + "-")));

        byte[] pdf = mvc.perform(get(f + "/certificate.pdf").with(httpBasic("qs_director", Api.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = PDDocument.load(pdf)) {
            String number = jdbc.queryForObject("select certificate_no from evaluation where id = ?", String.class, id);
            assertThat(new PDFTextStripper().getText(doc))
                    .contains("评估测试第一小学")
                    .contains(number)
                    .contains("达标");
        }
        mvc.perform(get(f + "/certificate.pdf").with(httpBasic("dh_director", Api.PASSWORD)))
                .andExpect(status().isNotFound());
        api.get("qs_director", f)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.steps", hasSize(10)))
                .andExpect(jsonPath("$.steps[*].reason", hasItem("请专家组复议体育器材得分")))
                .andExpect(jsonPath("$.objections[0].answer").value("经核查，操场面积数据属实"));
        api.get("qs_director", "/api/projects/T-EV-1/quota")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passed").value(1))
                .andExpect(jsonPath("$.byStage.CERTIFIED").value(1));
        api.get("dh_director", "/api/projects/T-EV-1/quota").andExpect(status().isNotFound());
    }

    @Test
    void aLateApplicationNeedsAnExtensionFromTheOwner() throws Exception {
        fx.passingPrimary("EVAP02", "评估测试第二小学");
        // the deadline passed yesterday (on 1 January: in the year before the project's)
        fx.project("T-EV-2", TestClock.today().minusDays(1).toString(), 7, "EVAP02");
        String f = file("T-EV-2", "EVAP02");
        api.post(head("EVAP02"), f + "/transitions", transition("submit", null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("截止")));
        api.post(head("EVAP02"), f + "/extension", "{\"until\":\"2099-12-31\"}").andExpect(status().isForbidden());
        api.post("qs_director", f + "/extension", "{\"until\":\"2099-12-31\"}").andExpect(status().isOk());
        api.post(head("EVAP02"), f + "/transitions", transition("submit", null)).andExpect(status().isOk());
    }

    @Test
    void aSchoolBelowTheTopGradeClosesAtTheCountyWithItsGrade() throws Exception {
        fx.basicPrimary("EVAB01", "评估测试基本达标小学");
        fx.project("T-EV-3", "2099-12-31", 7, "EVAB01");
        String f = file("T-EV-3", "EVAB01");
        api.put(head("EVAB01"), f + "/self", fullManual())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(876.0))
                .andExpect(jsonPath("$.grade").value("基本达标"));
        api.post(head("EVAB01"), f + "/transitions", transition("submit", null)).andExpect(status().isOk());
        api.post("cg_clerk", f + "/transitions", transition("submit", null)).andExpect(status().isOk());
        // an agreed score replaces the mean and needs a reason
        api.post("qs_director", f + "/transitions", """
                {"action":"score","manual":{"A22":{"score":20},"A34":{"score":40},"B4":{"score":50},
                 "C1":{"score":60},"C3":{"score":80},"D2":{"score":100}}}""").andExpect(status().isBadRequest());
        api.post("qs_director", f + "/transitions", """
                {"action":"score","reason":"专家组协商一致","manual":{"A22":{"score":20},"A34":{"score":40},
                 "B4":{"score":50},"C1":{"score":60},"C3":{"score":80},"D2":{"score":100}}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(886.0));
        api.post("qs_director", f + "/transitions", transition("approve", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("RESULT"))
                .andExpect(jsonPath("$.grade").value("基本达标"));
        api.post("qs_director", f + "/transitions", transition("certify", null)).andExpect(status().isConflict());
    }

    @Test
    void projectsAreCheckedForInputRoleAndScope() throws Exception {
        api.post("qs_director", "/api/projects", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("code")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("scheme")));
        api.post("qs_director", "/api/projects", """
                {"code":"T-EV-X","name":"x","year":2026,"scheme":"YWBZH","orgUnit":"JB0102"}""").andExpect(status().isNotFound());
        api.post("qs_expert", "/api/projects", """
                {"code":"T-EV-X","name":"x","year":2026,"scheme":"YWBZH","orgUnit":"JB0101"}""").andExpect(status().isForbidden());
        api.post("qs_director", "/api/projects", """
                {"code":"T-EV-4","name":"全县","year":%d,"scheme":"YWBZH","orgUnit":"JB0101"}""".formatted(EvaluationFixtures.YEAR))
                .andExpect(status().isCreated())
                // 11-25 while it is ahead, else two weeks from today
                .andExpect(jsonPath("$.deadline")
                        .value(ProjectScope.defaultDeadline(EvaluationFixtures.YEAR, TestClock.today())
                                .toString()))
                .andExpect(jsonPath("$.quota.target").value(org.hamcrest.Matchers.greaterThan(0)));
        api.get("qs_director", "/api/projects")
                .andExpect(jsonPath("$[*].code", hasItem("T-EV-4")))
                .andExpect(jsonPath("$[*].code", not(hasItem("DH-BZH-" + EvaluationFixtures.YEAR))));
        api.put("qs_director", "/api/projects/T-EV-4/quota", "{\"primary\":23,\"secondary\":5}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.quota.target").value(28));
        api.get("qs_director", "/api/projects/T-EV-4/quota")
                .andExpect(jsonPath("$.target").value(28));
        // the scheme version is read-only from now on
        Boolean locked = jdbc.queryForObject(
                "select v.locked from scheme_version v join eval_project p "
                        + "on p.scheme_version_id = v.id where p.code = 'T-EV-4'",
                Boolean.class);
        org.assertj.core.api.Assertions.assertThat(locked).isTrue();
    }

    @Test
    void filesAreFilteredRankedAndExportedAsAResultTable() throws Exception {
        fx.passingPrimary("EVF01", "筛选测试达标小学");
        fx.basicPrimary("EVF02", "筛选测试基本达标小学");
        fx.project("T-EV-F", "2099-12-31", 7, "EVF01", "EVF02", "JB01010201");
        for (String school : new String[] {"EVF01", "EVF02"}) {
            api.put(head(school), file("T-EV-F", school) + "/self", fullManual())
                    .andExpect(status().isOk());
            api.post(head(school), file("T-EV-F", school) + "/transitions", transition("submit", null))
                    .andExpect(status().isOk());
        }
        String list = "/api/projects/T-EV-F/evaluations";
        api.get("qs_director", list)
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[?(@.orgUnit == 'EVF01')].township").value("城关镇"))
                .andExpect(
                        jsonPath("$[?(@.orgUnit == 'JB01010201')].townshipCode").value("JB010102"));
        api.get("qs_director", list + "?under=JB010101")
                .andExpect(jsonPath("$[*].orgUnit", hasSize(2)))
                .andExpect(jsonPath("$[*].orgUnit", not(hasItem("JB01010201"))));
        api.get("qs_director", list + "?grade=基本达标")
                .andExpect(jsonPath("$[*].orgUnit", hasSize(1)))
                .andExpect(jsonPath("$[0].orgUnit").value("EVF02"));
        api.get("qs_director", list + "?stage=self&q=基本").andExpect(jsonPath("$[*].orgUnit", hasSize(1)));
        // the ranking: highest total first, files without a total last
        api.get("qs_director", list + "?sort=total")
                .andExpect(jsonPath("$[0].orgUnit").value("EVF01"))
                .andExpect(jsonPath("$[1].orgUnit").value("EVF02"))
                .andExpect(jsonPath("$[2].orgUnit").value("JB01010201"));
        api.get("qs_director", list + "?stage=DONE&sort=name")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("stage")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("sort")));
        // a township's clerk sees its own schools only, and another county's unit does not exist
        api.get("cg_clerk", list).andExpect(jsonPath("$[*].orgUnit", not(hasItem("JB01010201"))));
        api.get("qs_director", list + "?under=JB010201").andExpect(status().isNotFound());

        byte[] xlsx = api.get("qs_director", list + ".xlsx?sort=total")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("排名");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("筛选测试达标小学");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("城关镇");
            assertThat(sheet.getRow(2).getCell(8).getStringCellValue()).isEqualTo("基本达标");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void theProjectIssuesItsDataCollectionToExactlyItsSchoolsOnce() throws Exception {
        fx.passingPrimary("EVC01", "采集测试小学");
        fx.project("T-EV-C", "2099-12-31", 7, "EVC01", "JB01010101");
        api.post("qs_expert", "/api/projects/T-EV-C/collection", "").andExpect(status().isForbidden());
        api.post("dh_director", "/api/projects/T-EV-C/collection", "").andExpect(status().isNotFound());
        String issued = api.post("qs_director", "/api/projects/T-EV-C/collection", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.collectionTask").isNumber())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long task = com.jayway.jsonpath.JsonPath.parse(issued).read("$.collectionTask", Long.class);
        api.post("qs_director", "/api/projects/T-EV-C/collection", "").andExpect(status().isConflict());
        // enrolment first, then the items the scheme reads (books for 生均图书), sent to the two schools only
        api.get("qs_director", "/api/collection/tasks/" + task)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.period").value(String.valueOf(EvaluationFixtures.YEAR)))
                .andExpect(jsonPath("$.deadline").value("2099-12-31"))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.sections[0].items[*].code", hasItem("students_primary")))
                .andExpect(jsonPath("$.sections[*].items[*].code", hasItem("books")));
        api.get("school_clerk", "/api/collection/my-forms").andExpect(jsonPath("$[*].taskId", hasItem((int) task)));
        api.get("qs_director", "/api/projects/T-EV-C")
                .andExpect(jsonPath("$.collectionTask").value((int) task));
    }
}
