package org.dudao.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.evaluation.EvaluationFixtures.fullManual;
import static org.dudao.evaluation.EvaluationFixtures.head;
import static org.dudao.evaluation.EvaluationFixtures.transition;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.dudao.data.DataValues;
import org.dudao.org.OrgUnits;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The rules behind the new screens, through the API: stage deadlines in order and the overdue flag, the
 * school's evidence per indicator, expert photos and the evidence checks of a sheet, and who may be in a group.
 */
@DudaoTest
class EvaluationRulesApiTest {

    static final byte[] PDF = "%PDF-1.4\n% evidence\n".getBytes(StandardCharsets.US_ASCII);
    private static final int YEAR = EvaluationFixtures.YEAR;

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    Api api;
    EvaluationFixtures fx;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        fx = new EvaluationFixtures(api, orgUnits, values);
    }

    private static String file(String project, String school) {
        return "/api/projects/" + project + "/evaluations/" + school;
    }

    private static String id(ResultActions created) throws Exception {
        return JsonPath.read(created.andReturn().getResponse().getContentAsString(), "$.id")
                .toString();
    }

    @Test
    void aProjectWithoutADeadlineNeverDefaultsToOneAlreadyPast() throws Exception {
        String created = api.post("qs_director", "/api/projects", """
                        {"code":"T-DL-0","name":"默认期限","year":%d,"scheme":"YWBZH","orgUnit":"JB0101","schools":[]}""".formatted(YEAR))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        LocalDate deadline = LocalDate.parse(JsonPath.read(created, "$.deadline"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        // 11-25 of the year while it is ahead, else two weeks from today
        assertThat(deadline).isAfter(today);
        if (LocalDate.of(YEAR, 11, 25).isAfter(today)) {
            assertThat(deadline).isEqualTo(LocalDate.of(YEAR, 11, 25));
        }
    }

    @Test
    void stageDeadlinesFollowEachOtherAndFilesPastThemAreOverdue() throws Exception {
        String base = """
                {"code":"%s","name":"期限测试","year":%d,"scheme":"YWBZH","orgUnit":"JB0101","schools":[],
                 "deadline":"%s","countyDeadline":"%s","cityDeadline":"%s"}""";
        api.post(
                        "qs_director",
                        "/api/projects",
                        base.formatted("T-DL-1", YEAR, "2099-11-25", "2099-11-24", "2099-12-31"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("countyDeadline"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("初评截止")));
        api.post(
                        "qs_director",
                        "/api/projects",
                        base.formatted("T-DL-1", YEAR, "2099-11-25", "2099-12-20", "2099-12-10"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cityDeadline"));
        api.post("qs_director", "/api/projects", """
                {"code":"T-DL-1","name":"x","year":%d,"scheme":"YWBZH","orgUnit":"JB0101","schools":[],
                 "deadline":"2099-11-25","cityDeadline":"2099-11-24"}""".formatted(YEAR))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cityDeadline"));
        api.post(
                        "qs_director",
                        "/api/projects",
                        base.formatted("T-DL-1", YEAR, "2099-11-25", "2099-11-x", "2099-12-31"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("countyDeadline"));
        api.post(
                        "qs_director",
                        "/api/projects",
                        base.formatted("T-DL-1", YEAR, "2099-11-25", "2099-11-25", "2099-12-31"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.deadline").value("2099-11-25"))
                .andExpect(jsonPath("$.countyDeadline").value("2099-11-25"))
                .andExpect(jsonPath("$.cityDeadline").value("2099-12-31"));

        // every stage deadline already past: the owner lets the school apply late, the county review is overdue
        fx.passingPrimary("EVDL01", "期限测试小学");
        int last = YEAR - 1;
        api.post(
                        "qs_director",
                        "/api/projects",
                        base.formatted("T-DL-2", YEAR, last + "-12-01", last + "-12-02", last + "-12-03")
                                .replace("\"schools\":[]", "\"schools\":[\"EVDL01\"]"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.overdue").value(0));
        String f = file("T-DL-2", "EVDL01");
        api.get("qs_director", "/api/projects/T-DL-2/evaluations")
                .andExpect(jsonPath("$[0].overdue").value(false));
        api.post("qs_director", f + "/extension", "{\"until\":\"2099-12-31\"}").andExpect(status().isOk());
        api.post(head("EVDL01"), f + "/transitions", transition("submit", null)).andExpect(status().isOk());
        api.post("cg_clerk", f + "/transitions", transition("submit", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("COUNTY"))
                .andExpect(jsonPath("$.overdue").value(true));
        api.get("qs_director", "/api/projects/T-DL-2/evaluations")
                .andExpect(jsonPath("$[0].overdue").value(true))
                // the experts have not scored yet: a total so far, but no grade (an unscored indicator counts 0)
                .andExpect(jsonPath("$[0].total").isNumber())
                .andExpect(jsonPath("$[0].grade").value(org.hamcrest.Matchers.nullValue()));
        api.get("qs_director", f)
                .andExpect(jsonPath("$.evaluation.overdue").value(true))
                .andExpect(jsonPath("$.stageDeadline").value(last + "-12-02"));
        api.get("qs_director", "/api/projects/T-DL-2")
                .andExpect(jsonPath("$.overdue").value(1));
    }

    @Test
    void theSchoolBacksManualIndicatorsWithEvidenceWhileItIsADraft() throws Exception {
        fx.passingPrimary("EVEV01", "佐证测试小学");
        fx.project("T-EV-EV", "2099-12-31", 7, "EVEV01");
        String f = file("T-EV-EV", "EVEV01");
        String head = head("EVEV01");
        api.upload(head, f + "/evidence", "culture.pdf", PDF, "indicator", "C3")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.period").value(String.valueOf(YEAR)));
        api.upload(head, f + "/evidence", "area.pdf", PDF, "indicator", "A11")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("indicator"));
        api.upload("cg_clerk", f + "/evidence", "x.pdf", PDF, "indicator", "C3").andExpect(status().isForbidden());
        api.upload("dh_director", f + "/evidence", "x.pdf", PDF, "indicator", "C3")
                .andExpect(status().isNotFound());
        api.get("qs_director", f + "/evidence")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.C3[0].fileName").value("culture.pdf"));
        api.put(head, f + "/self", fullManual()).andExpect(status().isOk());
        api.post(head, f + "/transitions", transition("submit", null)).andExpect(status().isOk());
        api.upload(head, f + "/evidence", "late.pdf", PDF, "indicator", "C3").andExpect(status().isConflict());
    }

    @Test
    void expertSheetsNameOnlyTheSchoolsFilesAndFindingsNeedAPhoto() throws Exception {
        fx.passingPrimary("EVPH01", "照片测试小学");
        fx.project("T-EV-PH", "2099-12-31", 7, "EVPH01");
        String f = file("T-EV-PH", "EVPH01");
        String head = head("EVPH01");
        // not yet at the experts: nobody may add photos
        api.upload("qs_expert", f + "/photos", "early.png", EvaluationFixtures.png())
                .andExpect(status().isConflict());
        String schoolPdf = id(api.upload(head, f + "/evidence", "plan.pdf", PDF, "indicator", "B4")
                .andExpect(status().isCreated()));
        api.post(head, f + "/transitions", transition("submit", null)).andExpect(status().isOk());
        api.post("cg_clerk", f + "/transitions", transition("submit", null)).andExpect(status().isOk());
        // an expert outside the group, and the school itself, cannot add photos (or any file) as reviewers
        api.upload("qs_expert", f + "/photos", "x.png", EvaluationFixtures.png())
                .andExpect(status().isForbidden());
        api.post("qs_director", "/api/projects/T-EV-PH/groups", """
                {"level":"COUNTY","name":"照片组","leader":"qs_expert","schools":["EVPH01"]}""").andExpect(status().isCreated());
        api.upload(head, f + "/photos", "x.png", EvaluationFixtures.png()).andExpect(status().isForbidden());
        api.upload("city_expert", f + "/photos", "x.png", EvaluationFixtures.png())
                .andExpect(status().isForbidden());
        api.upload("qs_expert", f + "/photos", "x.pdf", PDF)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        String photo = id(api.upload("qs_expert", f + "/photos", "track.png", EvaluationFixtures.png())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.orgUnit").value("EVPH01"))
                .andExpect(jsonPath("$.contentType").value("image/png")));
        // another county's file, and one that does not exist
        String foreign = id(api.upload(
                        "dh_director", "/api/evidence", "walk.png", EvaluationFixtures.png(), "orgUnit", "JB01020101")
                .andExpect(status().isCreated()));

        String sheet = """
                {"manual":{"A22":{"score":20},"A34":{"score":40},"B4":{"score":50},"C1":{"score":60},
                 "C3":{"score":80},"D2":{"score":90,"reason":"特色不够鲜明"}},"findings":%s,"evidence":[%s]}""";
        api.put("qs_expert", f + "/expert-score", sheet.formatted("\"跑道破损\"", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("evidence"))
                .andExpect(jsonPath("$.errors[0].message").value("现场发现问题须附照片"));
        api.put("qs_expert", f + "/expert-score", sheet.formatted("\"跑道破损\"", schoolPdf))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("现场发现问题须附照片"));
        api.put("qs_expert", f + "/expert-score", sheet.formatted("\"跑道破损\"", photo + "," + foreign))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("evidence"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(foreign)));
        api.put("qs_expert", f + "/expert-score", sheet.formatted("null", "987654321"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("987654321")));
        api.put("qs_expert", f + "/expert-score", sheet.formatted("\"跑道破损\"", photo + "," + schoolPdf))
                .andExpect(status().isOk());
        api.get("qs_director", f)
                .andExpect(jsonPath("$.expertSheets[0].findings").value("跑道破损"))
                .andExpect(jsonPath("$.expertSheets[0].evidence[0]").value(Integer.parseInt(photo)));
        // the photo is the school's evidence of the project year, readable in the school's scope
        api.get(head, "/api/evidence?orgUnit=EVPH01&period=" + YEAR)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].fileName", hasItem("track.png")));
        // writing the school's data did not become possible for the expert
        api.upload("qs_expert", "/api/evidence", "y.png", EvaluationFixtures.png(), "orgUnit", "EVPH01")
                .andExpect(status().isForbidden());
    }

    @Test
    void groupsHoldOnlyExpertsWhoMayScoreTheirSchoolsAtThatLevel() throws Exception {
        fx.passingPrimary("EVGR01", "专家组测试小学");
        fx.project("T-EV-GR", "2099-12-31", 7, "EVGR01");
        String groups = "/api/projects/T-EV-GR/groups";
        String group = """
                {"level":"%s","name":"组","leader":"%s","members":[%s],"schools":["EVGR01"]}""";
        api.post("qs_director", groups, group.formatted("COUNTY", "cg_clerk", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("leader"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("cg_clerk")));
        api.post("qs_director", groups, group.formatted("COUNTY", "nobody_here", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("leader"));
        // a city expert does not score the county's initial review
        api.post("qs_director", groups, group.formatted("COUNTY", "qs_expert", "\"city_expert\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("members"));
        // nor a county expert the city's review
        api.post("city_director", groups, group.formatted("CITY", "city_expert", "\"qs_expert\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("members"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("专家组测试小学")));
        api.post("qs_director", groups, "{\"level\":\"COUNTY\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("schools")));
        api.post("qs_director", groups, group.formatted("COUNTY", "qs_expert", ""))
                .andExpect(status().isCreated());
        api.post("city_director", groups, group.formatted("CITY", "city_expert", ""))
                .andExpect(status().isCreated());
        api.get("qs_director", groups)
                .andExpect(jsonPath("$[*].leader", hasItem("city_expert")))
                // the screen shows people and schools by name, the API keeps the logins and codes beside them
                .andExpect(jsonPath("$[*].leaderName", hasItem("县评估专家 钱专家")))
                .andExpect(jsonPath("$[0].schools[0]").value("EVGR01"))
                .andExpect(jsonPath("$[0].schoolNames[0]").value(org.hamcrest.Matchers.not("EVGR01")));
    }
}
