package org.dudao.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.evaluation.EvaluationFixtures.head;
import static org.dudao.evaluation.EvaluationFixtures.transition;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.dudao.data.DataValues;
import org.dudao.org.OrgUnits;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.dudao.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Projects with other review chains than standardization: 先进县 over a city's counties (county self-evaluation →
 * city review with veto caps → province approval), a county-only chain, and refused chains.
 */
@DudaoTest
class ReviewChainApiTest {

    static final int YEAR = EvaluationFixtures.YEAR;

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
    ChainFixtures chains;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        fx = new EvaluationFixtures(api, orgUnits, values);
        chains = new ChainFixtures(api, orgUnits, values, fx);
    }

    private static String file(String project, String unit) {
        return "/api/projects/" + project + "/evaluations/" + unit;
    }

    private static final String FULL_MANUAL = """
            "manual":{"A1":{"score":10},"A2":{"score":10},"D":{"score":15},"E2":{"score":5}}""";

    private void overPublicity(String project, String unit) {
        jdbc.update(
                "update evaluation set publicity_until = ? where org_unit_id = (select id from org_unit where code = ?)"
                        + " and project_id = (select id from eval_project where code = ?)",
                java.sql.Timestamp.from(TestClock.now().minusSeconds(60)),
                unit,
                project);
    }

    @Test
    void advancedCountyRunsCountyToCityToProvinceWithTheVetoCap() throws Exception {
        chains.city("JB77", "16.21", "0.2");
        fx.user("rc_province", "省督导室", "DIRECTOR", "JB");
        String cityDirector = "rc_city_jb77";
        chains.advancedCountyScheme("JB77", cityDirector);
        api.post(cityDirector, "/api/projects", """
                {"code":"T-XJX-1","name":"先进县督导评估","year":%d,"scheme":"XJXDD77","orgUnit":"JB77",
                 "template":"ADVANCED_COUNTY"}""".formatted(YEAR))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.template").value("ADVANCED_COUNTY"))
                .andExpect(jsonPath("$.unitKinds", hasItem("COUNTY")))
                .andExpect(jsonPath("$.schools").value(2))
                .andExpect(jsonPath("$.chain[0].level").value("SELF"))
                .andExpect(jsonPath("$.chain[1].level").value("CITY"))
                .andExpect(jsonPath("$.chain[1].scores").value(true))
                .andExpect(jsonPath("$.chain[2].level").value("PROVINCE"))
                .andExpect(jsonPath("$.chain[2].approves").value(true));
        api.get("rc_province", "/api/projects/T-XJX-1")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.chain[2].certificate").value(true));

        // 甲县 (SPEC §1, 001): 16.21% D-grade floor space misses C1 and fires V1; 91.5 points, capped at 合格县
        String a = file("T-XJX-1", "JB7701");
        api.post("rc_county_jb7702", a + "/transitions", transition("submit", null))
                .andExpect(status().isNotFound()); // the other county does not see it
        // a county explains every hard indicator it misses in a 专题报告 before it submits
        api.post("rc_county_jb7701", a + "/transitions", transition("submit", null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("C1")))
                .andExpect(jsonPath("$.detail", containsString("V1")));
        api.get("rc_county_jb7701", a + "/report")
                .andExpect(jsonPath("$.topicsRequired").value(true))
                .andExpect(jsonPath("$.missingTopics", hasItem("C1")))
                .andExpect(jsonPath("$.missingTopics", hasItem("V1")));
        api.put("rc_county_jb7701", a + "/report", """
                        {"topics":{"C1":"D级危房面积占16.21%，三所学校的改造已列入明年预算。",
                                   "V1":"危房已停止使用，学生转入新建教学楼。"}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.missingTopics", hasSize(0)));
        api.post("rc_county_jb7701", a + "/transitions", transition("submit", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("CITY"))
                .andExpect(jsonPath("$.status").value("SCORING"));
        api.post("rc_province", a + "/transitions", "{\"action\":\"score\",\"reason\":\"协商\"," + FULL_MANUAL + "}")
                .andExpect(status().isForbidden()); // the province does not score at the city's level
        api.post(cityDirector, a + "/transitions", """
                        {"action":"score","reason":"专家组协商一致","manual":{"A1":{"score":6.5,"reason":"经费增长未完全落实"},
                         "A2":{"score":10},"D":{"score":15},"E2":{"score":5}}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(91.5))
                .andExpect(jsonPath("$.grade").value("合格县"))
                .andExpect(jsonPath("$.vetoes[0].code").value("V1"));
        api.post(cityDirector, a + "/transitions", transition("approve", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("PROVINCE"))
                .andExpect(jsonPath("$.status").value("SCORED"));
        api.post(cityDirector, a + "/transitions", transition("approve", null))
                .andExpect(status().isForbidden()); // province approval is the province's
        api.post("rc_province", a + "/transitions", transition("approve", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("APPROVAL"))
                .andExpect(jsonPath("$.status").value("PUBLICITY"));
        overPublicity("T-XJX-1", "JB7701");
        api.post("rc_province", a + "/transitions", transition("approve", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("RESULT"))
                .andExpect(jsonPath("$.grade").value("合格县"))
                .andExpect(jsonPath("$.certificateNo").doesNotExist());

        // 乙县: 100 points, 先进县, approved by the province and awarded its plaque
        String b = file("T-XJX-1", "JB7702");
        api.post("rc_county_jb7702", b + "/transitions", transition("submit", null))
                .andExpect(status().isOk());
        api.post(cityDirector, b + "/transitions", "{\"action\":\"score\",\"reason\":\"专家组协商一致\"," + FULL_MANUAL + "}")
                .andExpect(jsonPath("$.grade").value("先进县"));
        api.post(cityDirector, b + "/transitions", transition("approve", null)).andExpect(status().isOk());
        api.post("rc_province", b + "/transitions", transition("approve", null))
                .andExpect(jsonPath("$.status").value("PUBLICITY"));
        overPublicity("T-XJX-1", "JB7702");
        api.post("rc_province", b + "/transitions", transition("approve", null))
                .andExpect(jsonPath("$.status").value("APPROVED"));
        api.post("rc_province", b + "/transitions", transition("certify", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("CERTIFIED"))
                .andExpect(jsonPath("$.certificateNo").value(startsWith("JB77-")));
        List<String> steps = jdbc.queryForList(
                "select s.to_state from evaluation_step s join evaluation e on e.id = s.evaluation_id"
                        + " join org_unit u on u.id = e.org_unit_id where u.code = 'JB7702' order by s.id",
                String.class);
        assertThat(steps)
                .containsExactly(
                        "CITY_SCORING", "CITY_SCORED", "PROVINCE_SCORED", "PUBLICITY", "APPROVED", "CERTIFIED");
    }

    @Test
    void aCountyOnlyChainFinishesWithoutAnyCityStep() throws Exception {
        fx.passingPrimary("RC-EQ1", "链测试示范小学");
        api.post("qs_director", "/api/projects", """
                {"code":"T-EQ-1","name":"装备示范学校","year":%d,"scheme":"YWBZH","orgUnit":"JB0101",
                 "template":"EQUIPMENT_DEMO","schools":["RC-EQ1"]}""".formatted(YEAR))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.chain.length()").value(2))
                .andExpect(jsonPath("$.chain[*].level", not(hasItem("CITY"))));
        String f = file("T-EQ-1", "RC-EQ1");
        api.post(head("RC-EQ1"), f + "/transitions", transition("submit", null)).andExpect(status().isOk());
        api.post("cg_clerk", f + "/transitions", transition("submit", null)).andExpect(status().isOk());
        api.post("qs_director", f + "/transitions", """
                {"action":"score","reason":"专家组协商一致","manual":{"A22":{"score":20},"A34":{"score":40},
                 "B4":{"score":50},"C1":{"score":60},"C3":{"score":80},"D2":{"score":100}}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grade").value("达标"));
        api.post("qs_director", f + "/transitions", transition("approve", null))
                .andExpect(jsonPath("$.status").value("PUBLICITY"));
        overPublicity("T-EQ-1", "RC-EQ1");
        api.post("qs_director", f + "/transitions", transition("approve", null))
                .andExpect(jsonPath("$.status").value("APPROVED"));
        api.post("qs_director", f + "/transitions", transition("certify", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("CERTIFIED"));
        List<String> states = jdbc.queryForList(
                "select s.to_state from evaluation_step s join evaluation e on e.id = s.evaluation_id"
                        + " join org_unit u on u.id = e.org_unit_id where u.code = 'RC-EQ1' order by s.id",
                String.class);
        assertThat(states).noneMatch(s -> s.startsWith("CITY")).contains("CERTIFIED");
    }

    @Test
    void aChainWithoutPlaqueOrPublicityEndsWithTheGrade() throws Exception {
        fx.passingPrimary("RC-TD1", "链测试督政小学");
        api.post("qs_director", "/api/projects", """
                {"code":"T-CH-1","name":"县级考核","year":%d,"scheme":"YWBZH","orgUnit":"JB0101","schools":["RC-TD1"],
                 "unitKinds":["小学"],"chain":[{"level":"SELF"},
                 {"level":"COUNTY","scores":true,"approves":true,"publicityDays":0,"certificate":false}]}""".formatted(YEAR))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.template").value("CUSTOM"))
                .andExpect(jsonPath("$.unitKinds[0]").value("PRIMARY"));
        String f = file("T-CH-1", "RC-TD1");
        api.post(head("RC-TD1"), f + "/transitions", transition("submit", null)).andExpect(status().isOk());
        api.post("cg_clerk", f + "/transitions", transition("submit", null)).andExpect(status().isOk());
        api.post("qs_director", f + "/transitions", """
                {"action":"score","reason":"专家组协商一致","manual":{"A22":{"score":20},"A34":{"score":40},
                 "B4":{"score":50},"C1":{"score":60},"C3":{"score":80},"D2":{"score":100}}}""").andExpect(status().isOk());
        api.post("qs_director", f + "/transitions", transition("approve", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("RESULT"))
                .andExpect(jsonPath("$.grade").value("达标"));
    }

    @Test
    void badChainsAreRefusedNamingTheField() throws Exception {
        String head = """
                {"code":"T-CH-BAD","name":"坏链","year":%d,"scheme":"YWBZH","orgUnit":"JB0101",""".formatted(YEAR);
        api.post("qs_director", "/api/projects", head + "\"chain\":[]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("chain")));
        api.post("qs_director", "/api/projects", head + """
                "chain":[{"level":"SELF"},{"level":"CITY","scores":true,"approves":true},{"level":"COUNTY","scores":true}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("chain[2].level")));
        api.post("qs_director", "/api/projects", head + """
                "chain":[{"level":"SELF"},{"level":"COUNTY","scores":true}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("chain")));
        api.post("qs_director", "/api/projects", head + """
                "chain":[{"level":"NATION","approves":true}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("chain[0].level")));
        api.post("qs_director", "/api/projects", head + "\"unitKinds\":[\"SPACESHIP\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("unitKinds")));
        api.post("qs_director", "/api/projects", head + "\"template\":\"NOPE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("template")));
        api.get("qs_director", "/api/projects/T-CH-BAD").andExpect(status().isNotFound());
    }
}
