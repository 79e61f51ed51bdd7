package org.dudao.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.evaluation.EvaluationFixtures.fullManual;
import static org.dudao.evaluation.EvaluationFixtures.head;
import static org.dudao.evaluation.EvaluationFixtures.transition;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dudao.collection.CollectionTestItems;
import org.dudao.data.DataValues;
import org.dudao.evaluation.EvaluationFixtures;
import org.dudao.org.OrgUnits;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.dudao.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The 工作台: each role's 待办 with counts, deadlines and links that open, nothing of another county. */
@DudaoTest
class WorkbenchTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSchoolClerkSeesItsFormsOverdueFirstAndTheHomePageListsThem() throws Exception {
        Api api = new Api(mvc);
        CollectionTestItems.ensure(api);
        long later = task(api, "工作台测试 晚截止", TestClock.today().plusDays(30));
        long sooner = task(api, "工作台测试 早截止", TestClock.today().plusDays(10));
        long late = task(api, "工作台测试 已逾期", TestClock.today().plusDays(20));
        jdbc.update(
                "update collection_task set deadline = ? where id = ?",
                TestClock.today().minusDays(1),
                late);

        List<Map<String, Object>> todos = todos(api, "school_clerk");
        List<Map<String, Object>> mine = todos.stream()
                .filter(t -> "todo.collection.fill".equals(t.get("kind"))
                        && t.get("title").toString().contains("工作台测试"))
                .toList();
        assertThat(mine)
                .extracting(t -> t.get("link"))
                .containsExactly(
                        "/collection/tasks/" + late + "/units/JB01010101",
                        "/collection/tasks/" + sooner + "/units/JB01010101",
                        "/collection/tasks/" + later + "/units/JB01010101");
        assertThat(mine.get(0)).containsEntry("overdue", true).containsEntry("count", 1);
        assertThat(mine.get(1))
                .containsEntry("overdue", false)
                .containsEntry("deadline", TestClock.today().plusDays(10).toString())
                .containsEntry("title", "填报并提交：工作台测试 早截止");
        assertOverdueFirst(todos);
        assertOpens("school_clerk", mine.get(0));

        // once submitted the form leaves the clerk's list and waits for the township clerk's review
        api.post(
                        "school_clerk",
                        "/api/collection/tasks/" + sooner + "/units/JB01010101/submit",
                        "{\"values\":{\"t_students\":\"600\"}}")
                .andExpect(status().isOk());
        assertThat(find(todos(api, "school_clerk"), "todo.collection.fill", "工作台测试 早截止"))
                .isEmpty();
        Map<String, Object> review = one(api, "cg_clerk", "todo.collection.review", "工作台测试 早截止");
        assertThat(review).containsEntry("count", 1).containsEntry("link", "/collection/tasks/" + sooner);
        assertOpens("cg_clerk", review);
        assertThat(find(todos(api, "school_head"), "todo.collection.review", "工作台测试"))
                .isEmpty();
        // another county sees none of them
        assertThat(titles(api, "dh_director")).noneMatch(t -> t.contains("工作台测试"));

        mvc.perform(get("/").with(user(users.loadUserByUsername("school_clerk"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("待办")))
                .andExpect(content().string(containsString("填报并提交：工作台测试 已逾期")))
                .andExpect(content().string(containsString("已逾期")));
    }

    @Test
    void theFileWaitsForHeadTownshipExpertAndCountyInTurn() throws Exception {
        Api api = new Api(mvc);
        EvaluationFixtures fx = new EvaluationFixtures(api, orgUnits, values);
        fx.passingPrimary("WBEV01", "工作台评估小学");
        fx.project("T-WB-1", "2099-12-31", 7, "WBEV01");
        String file = "/evaluation/T-WB-1/WBEV01";
        String transitions = "/api/projects/T-WB-1/evaluations/WBEV01/transitions";

        assertThat(one(api, head("WBEV01"), "todo.evaluation.sign", "T-WB-1"))
                .containsEntry("count", 1)
                .containsEntry("deadline", "2099-12-31")
                .containsEntry("link", file);
        api.post(head("WBEV01"), transitions, transition("submit", null)).andExpect(status().isOk());
        assertThat(find(todos(api, head("WBEV01")), "todo.evaluation.sign", "T-WB-1"))
                .isEmpty();

        assertOpens("cg_clerk", one(api, "cg_clerk", "todo.evaluation.township", "T-WB-1"));
        api.post("cg_clerk", transitions, transition("submit", null)).andExpect(status().isOk());

        fx.user("wb_expert", "工作台 专家", "EXPERT", "JB0101");
        api.post("qs_director", "/api/projects/T-WB-1/groups", """
                {"level":"COUNTY","name":"工作台组","leader":"wb_expert","members":[],"schools":["WBEV01"]}""").andExpect(status().isCreated());
        Map<String, Object> sheet = one(api, "wb_expert", "todo.evaluation.score", "T-WB-1");
        assertThat(sheet).containsEntry("count", 1).containsEntry("link", file);
        assertOpens("wb_expert", sheet);
        assertThat(find(todos(api, "qs_expert"), "todo.evaluation.score", "T-WB-1"))
                .isEmpty();
        assertThat(titles(api, "dh_director")).noneMatch(t -> t.contains("T-WB-1"));

        api.put("wb_expert", "/api/projects/T-WB-1/evaluations/WBEV01/expert-score", fullManual())
                .andExpect(status().isOk());
        assertThat(find(todos(api, "wb_expert"), "todo.evaluation.score", "T-WB-1"))
                .isEmpty();
        api.post("wb_expert", transitions, transition("score", null)).andExpect(status().isOk());
        assertOpens("qs_director", one(api, "qs_director", "todo.evaluation.approve-county", "T-WB-1"));
        assertThat(find(todos(api, "city_director"), "todo.evaluation.approve-city", "T-WB-1"))
                .isEmpty();

        // a 小学 approved after 公示 waits for the county body's plaque, not the city's
        jdbc.update(
                "update evaluation set state = 'APPROVED' where org_unit_id = (select id from org_unit where code = ?)",
                "WBEV01");
        assertOpens("qs_director", one(api, "qs_director", "todo.evaluation.certify", "T-WB-1"));
        assertThat(find(todos(api, "city_director"), "todo.evaluation.certify", "T-WB-1"))
                .isEmpty();
        assertThat(find(todos(api, "qs_director"), "todo.evaluation.approve-county", "T-WB-1"))
                .isEmpty();
    }

    @Test
    void theDirectorSeesTheCountysOverdueItemsAndTheSchoolItsOwn() throws Exception {
        Api api = new Api(mvc);
        EvaluationFixtures fx = new EvaluationFixtures(api, orgUnits, values);
        fx.basicPrimary("WBRC01", "工作台整改小学");
        fx.project("T-WB-2", "2099-12-31", 7, "WBRC01");
        fx.scoredByCounty("T-WB-2", "WBRC01");
        api.post("qs_director", "/api/projects/T-WB-2/evaluations/WBRC01/transitions", transition("approve", null))
                .andExpect(status().isOk());
        String head = head("WBRC01");
        List<Integer> items = JsonPath.read(
                api.get(head, "/api/rectifications?unit=WBRC01")
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$[*].id");
        assertThat(one(api, head, "todo.rectification.plan", "")).containsEntry("count", items.size());
        long countyBefore = overdueCount(api, "qs_director");
        long otherBefore = overdueCount(api, "dh_director");

        int item = items.get(0);
        api.post(
                        head,
                        "/api/rectifications/" + item + "/plan",
                        "{\"plan\":\"增购图书\",\"deadline\":\"%s\"}"
                                .formatted(TestClock.today().plusMonths(3)))
                .andExpect(status().isOk());
        LocalDate yesterday = TestClock.today().minusDays(1);
        jdbc.update("update rectification set deadline = ? where id = ?", yesterday, item);

        Map<String, Object> overdue = one(api, head, "todo.rectification.overdue", "");
        assertThat(overdue)
                .containsEntry("count", 1)
                .containsEntry("overdue", true)
                .containsEntry("deadline", yesterday.toString())
                .containsEntry("link", "/rectification/" + item);
        assertOpens(head, overdue);
        assertThat(one(api, head, "todo.rectification.plan", "")).containsEntry("count", items.size() - 1);

        List<Map<String, Object>> director = todos(api, "qs_director");
        assertThat(find(director, "todo.rectification.county-overdue", ""))
                .singleElement()
                .satisfies(
                        t -> assertThat(((Number) t.get("count")).longValue()).isEqualTo(countyBefore + 1))
                .satisfies(t -> assertThat(t).containsEntry("overdue", true))
                .satisfies(t -> assertOpens("qs_director", t));
        assertOverdueFirst(director);
        assertThat(overdueCount(api, "dh_director")).isEqualTo(otherBefore);
        assertThat(find(todos(api, "school_clerk"), "todo.rectification.overdue", ""))
                .isEmpty();
    }

    private long task(Api api, String name, LocalDate deadline) throws Exception {
        String body = """
                {"name":"%s","period":"2041","rootUnit":"JB010101","kinds":["SCHOOL"],"deadline":"%s",
                 "sections":[{"title":"基本情况","items":["t_students"]}]}""".formatted(name, deadline);
        String json = api.post("qs_director", "/api/collection/tasks", body)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    private static List<Map<String, Object>> todos(Api api, String user) throws Exception {
        return JsonPath.read(
                api.get(user, "/api/me/todos")
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$");
    }

    private static List<String> titles(Api api, String user) throws Exception {
        return todos(api, user).stream().map(t -> t.get("title").toString()).toList();
    }

    private static List<Map<String, Object>> find(List<Map<String, Object>> todos, String kind, String title) {
        return todos.stream()
                .filter(t ->
                        kind.equals(t.get("kind")) && t.get("title").toString().contains(title))
                .toList();
    }

    private static Map<String, Object> one(Api api, String user, String kind, String title) throws Exception {
        List<Map<String, Object>> found = find(todos(api, user), kind, title);
        assertThat(found).as(user + " " + kind + " " + title).hasSize(1);
        return found.get(0);
    }

    private static long overdueCount(Api api, String user) throws Exception {
        return find(todos(api, user), "todo.rectification.county-overdue", "").stream()
                .mapToLong(t -> ((Number) t.get("count")).longValue())
                .sum();
    }

    private static void assertOverdueFirst(List<Map<String, Object>> todos) {
        List<Boolean> flags =
                todos.stream().map(t -> (Boolean) t.get("overdue")).toList();
        assertThat(flags.indexOf(false) < 0
                        || !flags.subList(flags.indexOf(false), flags.size()).contains(true))
                .as("overdue first: " + flags)
                .isTrue();
    }

    private void assertOpens(String username, Map<String, Object> todo) {
        try {
            mvc.perform(get(todo.get("link").toString()).with(user(users.loadUserByUsername(username))))
                    .andExpect(status().isOk());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
