package org.dudao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Cases through the API on the test clock (15 June 2026): due days across the 2026 holidays and 调休, the whole
 * lifecycle with returns that keep the due day, the reporter hidden from the unit, scope, and the rates of a known
 * set. Units CSA01 and CSA02 (under 城关镇) are this test's own.
 */
@DudaoTest
class CasesApiTest {

    @Autowired
    MockMvc mvc;

    Api api;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
    }

    private void unit(String code, String name) throws Exception {
        if (api.get("admin", "/api/org-units/" + code).andReturn().getResponse().getStatus() == 200) return;
        api.post("admin", "/api/org-units", """
                {"code":"%s","name":"%s","kind":"小学","parentCode":"JB010101"}""".formatted(code, name)).andExpect(status().isCreated());
        api.post("admin", "/api/users", """
                {"username":"clerk_%s","displayName":"%s 填报员","password":"%s","mustChangePassword":false,
                 "grants":[{"role":"CLERK","orgUnit":"%s"}]}""".formatted(code.toLowerCase(), name, Api.PASSWORD, code))
                .andExpect(status().isCreated());
    }

    private static String body(ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString();
    }

    private int intake(String unit, String category, String receivedAt, String phone) throws Exception {
        String c = body(api.post("qs_director", "/api/cases", """
                        {"channel":"HOTLINE","category":"%s","description":"食堂饭菜分量不足","unit":"%s",
                         "receivedAt":"%s","reporterName":"张来电","reporterPhone":"%s"}""".formatted(category, unit, receivedAt, phone))
                .andExpect(status().isCreated()));
        return JsonPath.read(c, "$.id");
    }

    private ResultActions move(String user, int id, String json) throws Exception {
        return api.post(user, "/api/cases/" + id + "/transitions", json);
    }

    @Test
    void dueDaysCountWorkingDaysAcrossHolidaysAndMakeUpDays() throws Exception {
        unit("CSA01", "案件测试一小");
        // 05-01…05 off, Saturday 05-09 works: the 13th working day after 04-30 is 05-21
        api.post("qs_director", "/api/cases", """
                        {"channel":"HOTLINE","category":"COMPLAINT","description":"放学拖堂","unit":"CSA01",
                         "receivedAt":"2026-04-30T16:20"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.due").value("2026-05-21"))
                .andExpect(jsonPath("$.calendarMissing").value(false))
                .andExpect(jsonPath("$.status").value("RECEIVED"));
        // 06-19 (端午) is off: a consultation taken in on 06-15 is due 06-18, a complaint 07-03
        api.post("qs_director", "/api/cases", """
                        {"channel":"PETITION","category":"CONSULTATION","description":"招生政策咨询","unit":"CSA01",
                         "receivedAt":"2026-06-15T08:00"}""").andExpect(jsonPath("$.due").value("2026-06-18"));
        api.post("qs_director", "/api/cases", """
                        {"channel":"ONLINE","category":"COMPLAINT","description":"收费不规范","unit":"CSA01"}""").andExpect(jsonPath("$.due").value("2026-07-03"));
        // refused by field, never half-written
        api.post("qs_director", "/api/cases", """
                        {"channel":"FAX","category":"COMPLAINT","description":"x","unit":"CSA01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("channel"));
        api.post("qs_director", "/api/cases", """
                        {"channel":"HOTLINE","category":"COMPLAINT","description":"x","unit":"CSA01",
                         "receivedAt":"2026-06-16T10:00"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("receivedAt"));
        api.post("dh_director", "/api/cases", """
                        {"channel":"HOTLINE","category":"COMPLAINT","description":"x","unit":"CSA01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unit"));
        api.post("school_clerk", "/api/cases", """
                        {"channel":"HOTLINE","category":"COMPLAINT","description":"x","unit":"JB01010101"}""").andExpect(status().isForbidden());
    }

    @Test
    void aCaseGoesThroughItsLifecycleAndReturnsNeverMoveTheDueDay() throws Exception {
        unit("CSA01", "案件测试一小");
        int id = intake("CSA01", "COMPLAINT", "2026-06-01T09:30", "13800001111");
        String due = "2026-06-18";
        api.get("qs_director", "/api/cases/" + id)
                .andExpect(jsonPath("$.due").value(due))
                .andExpect(jsonPath("$.reporter.name").value("张来电"));
        // nobody outside sees it, the unit not before it is assigned
        api.get("dh_director", "/api/cases/" + id).andExpect(status().isNotFound());
        api.get("school_clerk", "/api/cases/" + id).andExpect(status().isNotFound());
        move("dh_director", id, "{\"action\":\"assign\",\"unit\":\"CSA01\"}").andExpect(status().isNotFound());

        move("qs_director", id, "{\"action\":\"assign\",\"unit\":\"CSA01\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ASSIGNED"));
        String seen = body(api.get("clerk_csa01", "/api/cases/" + id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reporter").doesNotExist())
                .andExpect(jsonPath("$.actions[0]").value("answer")));
        assertThat(seen).doesNotContain("张来电").doesNotContain("13800001111");
        assertThat(body(api.get("clerk_csa01", "/api/cases?unit=CSA01"))).doesNotContain("张来电");

        // the unit bounces it back (with why), the office assigns again: the clock runs on
        move("clerk_csa01", id, "{\"action\":\"return\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        move("clerk_csa01", id, "{\"action\":\"return\",\"note\":\"不属于本校职责\"}")
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.due").value(due));
        move("qs_director", id, "{\"action\":\"assign\",\"unit\":\"CSA01\",\"note\":\"食堂由学校管理\"}")
                .andExpect(jsonPath("$.status").value("ASSIGNED"));
        move("qs_director", id, "{\"action\":\"answer\",\"note\":\"x\"}").andExpect(status().isForbidden());
        move("clerk_csa01", id, "{\"action\":\"answer\",\"note\":\"已调整配餐标准\"}")
                .andExpect(jsonPath("$.status").value("ANSWERED"));
        move("clerk_csa01", id, "{\"action\":\"verify\"}").andExpect(status().isForbidden());
        // the office sends the answer back: still the same due day
        move("qs_director", id, "{\"action\":\"return\",\"note\":\"请附整改照片\"}")
                .andExpect(jsonPath("$.status").value("ASSIGNED"))
                .andExpect(jsonPath("$.due").value(due));
        move("clerk_csa01", id, "{\"action\":\"answer\",\"note\":\"已附照片\"}").andExpect(status().isOk());
        move("qs_director", id, "{\"action\":\"verify\",\"note\":\"属实\"}")
                .andExpect(jsonPath("$.status").value("VERIFIED"));
        move("qs_director", id, "{\"action\":\"callback\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("satisfied"));
        move("qs_director", id, "{\"action\":\"callback\",\"satisfied\":true,\"note\":\"来电人表示满意\"}")
                .andExpect(jsonPath("$.status").value("CALLED_BACK"));
        move("qs_director", id, "{\"action\":\"close\"}")
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.closedOn").value("2026-06-15"))
                .andExpect(jsonPath("$.closedOnTime").value(true))
                .andExpect(jsonPath("$.due").value(due));
        move("qs_director", id, "{\"action\":\"close\"}").andExpect(status().isConflict());
        api.get("qs_director", "/api/cases/" + id)
                .andExpect(jsonPath("$.timeline.length()").value(10))
                .andExpect(jsonPath("$.timeline[2].action").value("return"))
                .andExpect(jsonPath("$.timeline[2].note").value("不属于本校职责"));
        // every move audited, without the reporter
        String audit = body(api.get("admin", "/api/audit?type=Case&size=200"));
        assertThat(audit).contains("已调整配餐标准").doesNotContain("13800001111");
    }

    @Test
    void ratesCountAKnownSet() throws Exception {
        unit("CSA02", "案件测试二小");
        int onTime = intake("CSA02", "COMPLAINT", "2026-06-01T09:00", "13900000001");
        int unsatisfied = intake("CSA02", "COMPLAINT", "2026-06-02T09:00", "13900000002");
        int late = intake("CSA02", "CONSULTATION", "2026-03-02T09:00", "13900000003");
        int open = intake("CSA02", "COMPLAINT", "2026-03-02T10:00", "13900000004");
        int duplicate = intake("CSA02", "COMPLAINT", "2026-03-03T10:00", "13900000004");
        intake("CSA02", "COMPLAINT", "2025-12-30T10:00", "13900000005"); // before the period
        for (int id : new int[] {onTime, unsatisfied, late}) {
            move("qs_director", id, "{\"action\":\"assign\",\"unit\":\"CSA02\"}")
                    .andExpect(status().isOk());
            move("clerk_csa02", id, "{\"action\":\"answer\",\"note\":\"已处理\"}").andExpect(status().isOk());
            move("qs_director", id, "{\"action\":\"verify\"}").andExpect(status().isOk());
        }
        move("qs_director", onTime, "{\"action\":\"callback\",\"satisfied\":true}")
                .andExpect(status().isOk());
        move("qs_director", unsatisfied, "{\"action\":\"callback\",\"satisfied\":false,\"note\":\"仍不满意\"}")
                .andExpect(status().isOk());
        for (int id : new int[] {onTime, unsatisfied, late}) {
            move("qs_director", id, "{\"action\":\"close\"}").andExpect(status().isOk());
        }
        move("qs_director", duplicate, "{\"action\":\"merge\",\"into\":" + open + "}")
                .andExpect(jsonPath("$.status").value("MERGED"));
        move("qs_director", open, "{\"action\":\"merge\",\"into\":" + duplicate + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("into"));

        api.get("qs_director", "/api/cases/rates?unit=CSA02&from=2026-01-01&to=2026-06-30")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.received").value(4))
                .andExpect(jsonPath("$.closed").value(3))
                .andExpect(jsonPath("$.closedOnTime").value(2))
                .andExpect(jsonPath("$.calledBack").value(2))
                .andExpect(jsonPath("$.satisfied").value(1))
                .andExpect(jsonPath("$.closureRate").value(75.0))
                .andExpect(jsonPath("$.onTimeRate").value(66.67))
                .andExpect(jsonPath("$.callbackRate").value(66.67))
                .andExpect(jsonPath("$.satisfactionRate").value(50.0));
        api.get("dh_director", "/api/cases/rates?unit=CSA02").andExpect(status().isNotFound());
        api.get("qs_director", "/api/cases/rates?unit=CSA02&from=2026-07-01&to=2026-06-30")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));

        // overdue: the open one only; an approved extension moves its due day by working days
        api.get("qs_director", "/api/cases?unit=CSA02&overdue=true")
                .andExpect(jsonPath("$.length()").value(2)) // and the one of 2025
                .andExpect(jsonPath("$[*].id", org.hamcrest.Matchers.hasItem(open)));
        String before = JsonPath.read(body(api.get("qs_director", "/api/cases/" + open)), "$.due");
        assertThat(before).isEqualTo("2026-03-19");
        move("clerk_csa02", open, "{\"action\":\"extend\",\"days\":5,\"note\":\"需外部检测\"}")
                .andExpect(status().isForbidden());
        move("qs_director", open, "{\"action\":\"extend\",\"days\":5,\"note\":\"需外部检测\"}")
                .andExpect(jsonPath("$.due").value("2026-03-26"));
        // the office finds earlier cases by the caller's phone
        api.get("qs_director", "/api/cases?phone=13900000004")
                .andExpect(jsonPath("$.length()").value(2));
        api.get("clerk_csa02", "/api/cases?phone=13900000004")
                .andExpect(jsonPath("$.length()").value(0));
    }
}
