package org.dudao.collection;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.dudao.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Tasks: issuing, the unit form workflow with locking, review by the parent, progress, reminders. */
@DudaoTest
class CollectionTaskApiTest {

    static final String SCHOOL = "JB01010101";

    @Autowired
    MockMvc mvc;

    Api api;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        CollectionTestItems.ensure(api);
    }

    static String task(String name, String period, String root, String kinds, LocalDate deadline) {
        return """
                {"name":"%s","period":"%s","rootUnit":"%s","kinds":[%s],"deadline":"%s",
                 "sections":[{"title":"基本情况","items":["t_students","t_dropouts"]},
                             {"title":"校舍","items":["t_area","t_danger_area"]}],
                 "rules":[{"left":"t_dropouts","op":"<=","right":["t_students"]},
                          {"left":"t_danger_area","op":"<=","right":["t_area"]}]}""".formatted(name, period, root, kinds, deadline);
    }

    long create(String user, String body) throws Exception {
        String json = api.post(user, "/api/collection/tasks", body)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    @Test
    void schoolFillsSubmitsIsReturnedResubmitsAndIsApproved() throws Exception {
        api.post("school_clerk", "/api/data-values", """
                {"period":"2036","values":[{"orgUnit":"JB01010101","item":"t_students","value":"640"}]}""").andExpect(status().isOk());
        long id = create(
                "qs_director",
                task(
                        "2037 学校基础数据",
                        "2037",
                        "JB010101",
                        "\"SCHOOL\"",
                        TestClock.today().plusDays(30)));
        String form = "/api/collection/tasks/" + id + "/units/" + SCHOOL;

        api.get("school_clerk", "/api/collection/my-forms")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.taskId==" + id + ")].status", hasItem("NOT_STARTED")));
        api.get("school_clerk", form)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("NOT_STARTED"))
                .andExpect(jsonPath("$.previousPeriod").value("2036"))
                .andExpect(jsonPath("$.sections[0].title").value("基本情况"))
                .andExpect(jsonPath("$.sections[0].fields[0].item").value("t_students"))
                .andExpect(jsonPath("$.sections[0].fields[0].previous").value("640"))
                .andExpect(jsonPath("$.sections[0].fields[0].version").value(-1))
                .andExpect(jsonPath("$.canReview").value(false));

        // a bad value is refused field by field, in Chinese
        api.put("school_clerk", form, "{\"values\":{\"t_students\":\"六百\",\"t_area\":\"-1\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='t_students')].message", hasItem("请输入整数")))
                .andExpect(jsonPath("$.errors[?(@.field=='t_area')].message", hasItem(containsString("0 到"))));
        // a draft may break cross-field rules (shown as warnings) but not types
        api.put("school_clerk", form, "{\"values\":{\"t_students\":\"650\",\"t_dropouts\":\"700\"}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.warnings[0].message", containsString("不能大于")));
        api.post("school_clerk", form + "/submit", "{\"values\":{}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("t_dropouts"))
                .andExpect(jsonPath("$.errors[0].message", containsString("测试辍学人数（700）不能大于 测试在校生数（650）")));
        api.post("school_clerk", form + "/submit", """
                {"values":{"t_dropouts":"3","t_area":"5000","t_danger_area":"6000"}}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("t_danger_area"));
        // nothing of the refused submit was written
        api.get("school_clerk", form)
                .andExpect(jsonPath("$.sections[1].fields[0].value").isEmpty());
        api.post("school_clerk", form + "/submit", """
                {"values":{"t_dropouts":"3","t_area":"5000","t_danger_area":"0"}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.editable").value(false));

        // submitted data is locked everywhere
        api.put("school_clerk", form, "{\"values\":{\"t_students\":\"1\"}}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("已锁定")));
        api.post("school_clerk", "/api/data-values", """
                {"period":"2037","values":[{"orgUnit":"JB01010101","item":"t_students","value":"1"}]}""")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rejected[0].reason", containsString("已锁定")));
        // other items of the same unit and period stay writable
        api.post("school_clerk", "/api/data-values", """
                {"period":"2037","values":[{"orgUnit":"JB01010101","item":"t_note","value":"ok"}]}""").andExpect(status().isOk());

        // the school itself cannot review; the township clerk (parent) can
        api.post("school_head", form + "/approve", null).andExpect(status().isForbidden());
        api.post("school_clerk", form + "/return", "{\"reason\":\"x\"}").andExpect(status().isForbidden());
        api.post("cg_clerk", form + "/return", "{\"reason\":\"\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        api.post("cg_clerk", form + "/return", "{\"reason\":\"校舍面积与台账不符，请核实\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.returnReason").value("校舍面积与台账不符，请核实"));
        api.get("school_clerk", "/api/collection/my-forms")
                .andExpect(jsonPath("$[?(@.taskId==" + id + ")].returnReason", hasItem("校舍面积与台账不符，请核实")));
        api.post("school_clerk", form + "/submit", "{\"values\":{\"t_area\":\"5200\"}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        api.post("cg_clerk", form + "/approve", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.reviewedBy").value("cg_clerk"));
        api.post("cg_clerk", form + "/approve", null).andExpect(status().isConflict());

        // other counties do not see the task or the form
        api.get("dh_director", form).andExpect(status().isNotFound());
        api.get("dh_director", "/api/collection/tasks/" + id).andExpect(status().isNotFound());
        api.get("dh_director", "/api/collection/tasks").andExpect(jsonPath("$[?(@.id==" + id + ")]", hasSize(0)));
    }

    @Test
    void onlyIssuersCreateTasksAndInputIsChecked() throws Exception {
        api.post("cg_clerk", "/api/collection/tasks", task("x", "2037", "JB010101", "", TestClock.today()))
                .andExpect(status().isForbidden());
        api.post("dh_director", "/api/collection/tasks", task("x", "2037", "JB010101", "", TestClock.today()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rootUnit"));
        api.post("qs_director", "/api/collection/tasks", """
                {"name":"","period":"2037-1","rootUnit":"JB0101","deadline":"tomorrow","kinds":["学堂"],
                 "sections":[{"title":"a","items":["nope"]}],"rules":[{"left":"x","op":"~","right":[]}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("period")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("deadline")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("kinds")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("sections[0].items")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("rules[0].left")));
    }

    @Test
    void progressBoardCountsHighlightsOverdueAndReminds() throws Exception {
        long id = create(
                "qs_director",
                task("逾期任务", "2039", "JB010102", "\"SCHOOL\"", TestClock.today().minusDays(2)));
        api.get("qs_director", "/api/collection/tasks/" + id + "/progress")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total", greaterThan(3)))
                .andExpect(jsonPath("$.counts.NOT_STARTED", greaterThan(3)))
                .andExpect(jsonPath("$.overdue", greaterThan(3)))
                .andExpect(jsonPath("$.units[0].overdue").value(true))
                .andExpect(jsonPath("$.task.canManage").value(true));
        api.post("qs_director", "/api/collection/tasks/" + id + "/remind", "{\"message\":\"请于本周内完成填报\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reminded", greaterThan(3)));
        api.get("qs_director", "/api/collection/tasks/" + id + "/progress")
                .andExpect(jsonPath("$.units[0].reminders").value(1));
        // the township clerk of another township is not a reviewer here and sees nothing of it
        api.get("cg_clerk", "/api/collection/tasks/" + id + "/progress").andExpect(status().isNotFound());
        api.post("cg_clerk", "/api/collection/tasks/" + id + "/remind", "{}").andExpect(status().isNotFound());
        api.post("city_leader", "/api/collection/tasks/" + id + "/remind", "{}").andExpect(status().isForbidden());

        // the reminder shows on the school's list (school in township JB010101 of another task)
        long own = create(
                "qs_director",
                task("催报测试", "2039", "JB010101", "\"小学\"", TestClock.today().minusDays(1)));
        api.post(
                        "qs_director",
                        "/api/collection/tasks/" + own + "/remind",
                        "{\"orgUnit\":\"" + SCHOOL + "\",\"message\":\"已逾期，请尽快填报\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reminded").value(1));
        api.get("school_clerk", "/api/collection/my-forms")
                .andExpect(jsonPath("$[?(@.taskId==" + own + ")].overdue", hasItem(true)))
                .andExpect(jsonPath("$[?(@.taskId==" + own + ")].reminders[0].message", hasItem("已逾期，请尽快填报")));
    }

    @Test
    void aTownshipWithMismatchesMustExplainBeforeSubmitting() throws Exception {
        long id = create("qs_director", """
                {"name":"乡镇汇总","period":"2040","rootUnit":"JB0101","kinds":["乡镇街道"],"deadline":"%s",
                 "sections":[{"title":"汇总","items":["t_students","t_area"]}]}""".formatted(TestClock.today()));
        api.post("cg_clerk", "/api/data-values", """
                {"period":"2040","values":[{"orgUnit":"JB01010101","item":"t_students","value":"400"},
                 {"orgUnit":"JB01010102","item":"t_students","value":"300"}]}""").andExpect(status().isOk());
        String form = "/api/collection/tasks/" + id + "/units/JB010101";
        api.put("cg_clerk", form, "{\"values\":{\"t_students\":\"750\"}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hasChildren").value(true))
                .andExpect(jsonPath("$.mismatches[0].reported").value(750))
                .andExpect(jsonPath("$.mismatches[0].childrenSum").value(700));
        api.post("cg_clerk", form + "/submit", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("explanation"))
                .andExpect(jsonPath("$.errors[0].message", containsString("差异说明")));
        api.post("cg_clerk", form + "/submit", "{\"explanation\":\"含 50 名随班就读的外县借读生\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.explanation").value("含 50 名随班就读的外县借读生"));
        // the county reviews the township
        api.post("cg_clerk", form + "/approve", null).andExpect(status().isForbidden());
        api.post("qs_director", form + "/approve", null).andExpect(status().isOk());
    }

    @Test
    void aFormSavedOverAnotherUsersChangeConflicts() throws Exception {
        long id = create("qs_director", task("并发测试", "2041", "JB010101", "\"小学\"", TestClock.today()));
        String form = "/api/collection/tasks/" + id + "/units/" + SCHOOL;
        api.put("school_clerk", form, "{\"values\":{\"t_students\":\"500\"}}").andExpect(status().isOk());
        String json = api.get("school_clerk", form).andReturn().getResponse().getContentAsString();
        int version = JsonPath.read(json, "$.sections[0].fields[0].version");
        api.put("cg_clerk", form, "{\"values\":{\"t_students\":\"510\"},\"versions\":{\"t_students\":" + version + "}}")
                .andExpect(status().isOk());
        api.put(
                        "school_clerk",
                        form,
                        "{\"values\":{\"t_students\":\"520\"},\"versions\":{\"t_students\":" + version + "}}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("测试在校生数")));
        api.get("school_clerk", form)
                .andExpect(jsonPath("$.sections[0].fields[0].value").value("510"));
    }
}
