package org.dudao.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.dudao.data.DataValues;
import org.dudao.org.OrgUnits;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The 专家库 and the random draw of a 复核 group: conflicts of interest left out with their reason, the draw
 * repeated from its seed, drawn experts joining the group, a decline answered by a redraw.
 */
@DudaoTest
class ExpertDrawApiTest {

    static final AtomicInteger RUN = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    Api api;
    EvaluationFixtures fx;
    String tag;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        fx = new EvaluationFixtures(api, orgUnits, values);
        tag = "DZX" + RUN.incrementAndGet();
    }

    /** A city expert with a login (EXPERT at the city) working at {@code home}; returns the pool id. */
    private long expert(String name, String home, String username, String field) throws Exception {
        if (username != null) {
            fx.user(username, name, "EXPERT", "JB01");
        }
        String body = """
                {"office":"JB01","name":"%s","field":"%s","title":"高级教师","homeUnit":"%s","phone":"13800000000"%s}""".formatted(name, field, home, username == null ? "" : ",\"username\":\"" + username + "\"");
        String json = api.post("city_director", "/api/experts", body)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    /** A 复核 group of the city over one 青山县 school of a project; returns its id. */
    private long group(String project, String school, String name) throws Exception {
        String json = api.post("city_director", "/api/projects/" + project + "/groups", """
                        {"level":"CITY","name":"%s","leader":"city_expert","members":[],"schools":["%s"]}""".formatted(name, school))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    /** Six experts of other units of the city who may be drawn, and three who may not. */
    private record Pool(List<Long> eligible, long sameSchool, long sameCounty, long noAccount, String field) {}

    private Pool pool() throws Exception {
        String field = "课程" + tag; // the draws filter on it, so other tests' experts stay out of this pool
        List<Long> eligible = new ArrayList<>();
        String[] homes = {"JB01020101", "JB01020201", "JB0102D", "JB01D", "JB0190", "JB01020301"};
        for (int i = 0; i < homes.length; i++) {
            eligible.add(expert("外县专家" + i, homes[i], (tag + "_e" + i).toLowerCase(), field));
        }
        long sameSchool = expert("本校专家", tag + "01", (tag + "_s").toLowerCase(), field);
        long sameCounty = expert("本县专家", "JB0101D", (tag + "_c").toLowerCase(), field);
        long noAccount = expert("无账号专家", "JB01020102", null, field);
        return new Pool(eligible, sameSchool, sameCounty, noAccount, field);
    }

    @Test
    void theDrawLeavesOutConflictsAndRepeatsFromItsSeed() throws Exception {
        fx.passingPrimary(tag + "01", "抽签测试小学" + tag);
        fx.project(tag + "-P", "2099-12-31", 7, tag + "01");
        Pool pool = pool();
        String project = tag + "-P";
        long g1 = group(project, tag + "01", "复核一组");
        long g2 = group(project, tag + "01", "复核二组");
        long g3 = group(project, tag + "01", "复核三组");

        String f = ",\"field\":\"" + pool.field() + "\"";
        String drawn = api.post(
                        "city_director",
                        "/api/projects/" + project + "/groups/" + g1 + "/draw",
                        "{\"count\":3,\"seed\":42" + f + "}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.seed").value(42))
                .andExpect(jsonPath("$.drawnBy").value("city_director"))
                .andExpect(jsonPath("$.candidates.length()").value(9))
                .andExpect(jsonPath("$.excluded[?(@.id == %d)].reason".formatted(pool.sameSchool()))
                        .value(hasItem("CONFLICT")))
                .andExpect(jsonPath("$.excluded[?(@.id == %d)].unit".formatted(pool.sameSchool()))
                        .value(hasItem("抽签测试小学" + tag)))
                .andExpect(jsonPath("$.excluded[?(@.id == %d)].reason".formatted(pool.sameCounty()))
                        .value(hasItem("CONFLICT")))
                .andExpect(jsonPath("$.excluded[?(@.id == %d)].reason".formatted(pool.noAccount()))
                        .value(hasItem("NO_ACCOUNT")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Number> first = JsonPath.read(drawn, "$.drawn[*].id");
        List<Long> firstIds = first.stream().map(Number::longValue).toList();
        assertThat(firstIds).hasSize(3).allMatch(pool.eligible()::contains);

        // the same seed over the same pool: the same experts, in the same order
        List<Long> again = drawFiltered(project, g2, 3, 42L, pool.field());
        assertThat(again).isEqualTo(firstIds);
        // another seed draws otherwise (for these seeds and six candidates)
        List<Long> other = drawFiltered(project, g3, 3, 4242L, pool.field());
        assertThat(other).isNotEqualTo(firstIds).allMatch(pool.eligible()::contains);

        // the drawn experts' logins joined the group, the conflicted did not
        String members = api.get("city_director", "/api/projects/" + project + "/groups")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> g1Members = JsonPath.read(members, "$[?(@.id == %d)].members[*]".formatted(g1));
        assertThat(g1Members)
                .hasSize(4) // the leader and the three drawn
                .contains("city_expert")
                .doesNotContain((tag + "_s").toLowerCase(), (tag + "_c").toLowerCase());

        // the board shows the draw as recorded and everyone invited
        api.get("city_director", "/api/projects/" + project + "/groups/" + g1 + "/draw")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.experts.length()").value(3))
                .andExpect(jsonPath("$.experts[*].status").value(not(hasItem("CONFIRMED"))))
                .andExpect(jsonPath("$.draws[0].seed").value(42));

        // more than the pool holds: refused naming the field
        api.post(
                        "city_director",
                        "/api/projects/" + project + "/groups/" + g1 + "/draw",
                        "{\"count\":4,\"seed\":1" + f + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("count"));

        // scope: the county may not draw city groups; the other county does not see the project or the experts
        api.post("qs_director", "/api/projects/" + project + "/groups/" + g1 + "/draw", "{\"count\":1}")
                .andExpect(status().isForbidden());
        api.post("dh_director", "/api/projects/" + project + "/groups/" + g1 + "/draw", "{\"count\":1}")
                .andExpect(status().isNotFound());
        api.get("dh_director", "/api/experts/" + pool.sameSchool()).andExpect(status().isNotFound());
        api.get("qs_director", "/api/experts/" + pool.sameSchool()).andExpect(status().isNotFound());
        api.get("city_director", "/api/experts/" + pool.sameSchool())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.homeUnit").value(tag + "01"));
    }

    @Test
    void aSeedLeftOutIsGeneratedAndRecorded() throws Exception {
        fx.passingPrimary(tag + "01", "种子测试小学" + tag);
        fx.project(tag + "-P", "2099-12-31", 7, tag + "01");
        Pool pool = pool();
        String project = tag + "-P";
        long g1 = group(project, tag + "01", "复核一组");
        long g2 = group(project, tag + "01", "复核二组");
        String json = api.post(
                        "city_director",
                        "/api/projects/" + project + "/groups/" + g1 + "/draw",
                        "{\"count\":2,\"field\":\"" + pool.field() + "\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long seed = ((Number) JsonPath.read(json, "$.seed")).longValue();
        List<Number> drawn = JsonPath.read(json, "$.drawn[*].id");
        assertThat(seed).isPositive();
        assertThat(drawFiltered(project, g2, 2, seed, pool.field()))
                .isEqualTo(drawn.stream().map(Number::longValue).toList());
    }

    @Test
    void aDeclineLeavesTheGroupAndARedrawReplacesIt() throws Exception {
        fx.passingPrimary(tag + "01", "回避测试小学" + tag);
        fx.project(tag + "-P", "2099-12-31", 7, tag + "01");
        Pool pool = pool();
        String project = tag + "-P";
        long g = group(project, tag + "01", "复核组");
        List<Long> drawn = drawFiltered(project, g, 2, 7L, pool.field());
        long decliner = drawn.get(0);
        long confirmer = drawn.get(1);
        String declinerLogin = login(decliner);
        String answer = "/api/projects/" + project + "/groups/" + g + "/answer";

        // the expert answers for themself; someone else's expert does not exist for them
        api.post(login(confirmer), answer, "{\"expert\":%d,\"answer\":\"DECLINE\"}".formatted(decliner))
                .andExpect(status().isNotFound());
        api.post(declinerLogin, answer, "{\"expert\":%d,\"answer\":\"DECLINE\"}".formatted(decliner))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.experts[?(@.expert == %d)].status".formatted(decliner))
                        .value(hasItem("DECLINED")));
        api.post(declinerLogin, answer, "{\"expert\":%d,\"answer\":\"CONFIRM\"}".formatted(decliner))
                .andExpect(status().isConflict());
        // the office confirms for the other one (by phone)
        api.post("city_director", answer, "{\"expert\":%d,\"answer\":\"CONFIRM\"}".formatted(confirmer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.experts[?(@.expert == %d)].status".formatted(confirmer))
                        .value(hasItem("CONFIRMED")));
        api.post("city_director", answer, "{\"expert\":%d,\"answer\":\"MAYBE\"}".formatted(confirmer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("answer"));

        String groups = api.get("city_director", "/api/projects/" + project + "/groups")
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> members = JsonPath.read(groups, "$[?(@.id == %d)].members[*]".formatted(g));
        assertThat(members).doesNotContain(declinerLogin).contains(login(confirmer));

        // a replacement under the same rules: neither of the two drawn before, nobody conflicted
        String json = api.post(
                        "city_director",
                        "/api/projects/" + project + "/groups/" + g + "/draw",
                        "{\"count\":1,\"seed\":7,\"field\":\"" + pool.field() + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.excluded[?(@.id == %d)].reason".formatted(decliner))
                        .value(hasItem("IN_GROUP")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Number> replacement = JsonPath.read(json, "$.drawn[*].id");
        assertThat(replacement).hasSize(1);
        long r = replacement.get(0).longValue();
        assertThat(r).isNotIn(decliner, confirmer).isIn(pool.eligible().toArray());

        // observers are listed, never members
        api.post("city_director", "/api/projects/" + project + "/groups/" + g + "/observers", """
                        {"name":"人大代表 吴代表","role":"NPC"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.observers[0].role").value("NPC"))
                .andExpect(jsonPath("$.experts.length()").value(3));
        api.post("city_director", "/api/projects/" + project + "/groups/" + g + "/observers", """
                        {"name":"某人","role":"BOSS"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
    }

    @Test
    void thePoolIsKeptByTheOfficeWithTrainings() throws Exception {
        long id = expert("培训专家" + tag, "JB0190", null, "学校管理");
        api.post("city_director", "/api/experts/" + id + "/trainings", """
                        {"date":"2026-03-02","course":"标准化评估专家培训","hours":8}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.trainings[0].course").value("标准化评估专家培训"))
                .andExpect(jsonPath("$.trainingHours").value(8));
        api.post("city_director", "/api/experts/" + id + "/trainings", """
                        {"date":"2026-03-02","course":"x","hours":0}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("hours"));
        api.put("city_director", "/api/experts/" + id, """
                        {"name":"培训专家%s","field":"学校管理","homeUnit":"JB0190","title":"正高级教师","version":0}""".formatted(tag))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("正高级教师"));
        api.put("city_director", "/api/experts/" + id, """
                        {"name":"培训专家%s","field":"学校管理","homeUnit":"JB0190","version":0}""".formatted(tag)).andExpect(status().isConflict());
        // a county office cannot put an expert's home outside its county, nor keep one at a school
        api.post("qs_director", "/api/experts", """
                        {"office":"JB0101","name":"越界专家","field":"x","homeUnit":"JB01020101"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("homeUnit"));
        api.post("qs_director", "/api/experts", """
                        {"office":"JB01010101","name":"学校专家","field":"x","homeUnit":"JB01010101"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("office"));
        api.get("school_clerk", "/api/experts")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        api.get("city_director", "/api/experts?field=学校管理")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem((int) id)));
    }

    private List<Long> drawFiltered(String project, long group, int count, Long seed, String field) throws Exception {
        String json = api.post(
                        "city_director",
                        "/api/projects/" + project + "/groups/" + group + "/draw",
                        "{\"count\":%d,\"seed\":%d,\"field\":\"%s\"}".formatted(count, seed, field))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Number> ids = JsonPath.read(json, "$.drawn[*].id");
        return ids.stream().map(Number::longValue).toList();
    }

    private String login(long expert) throws Exception {
        String json = api.get("city_director", "/api/experts/" + expert)
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(json, "$.username");
    }
}
