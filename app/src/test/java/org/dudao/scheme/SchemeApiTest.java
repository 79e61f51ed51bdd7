package org.dudao.scheme;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The scheme API contract: shapes, versions, clone, scope. */
@DudaoTest
class SchemeApiTest {

    /** A small scheme with every rule type, per-stage standards, a bonus branch, grades and a veto. */
    static String scheme(String code) {
        return """
                {"code":"%s","name":"测试方案","maxScore":100,
                 "grades":[{"name":"优秀","min":90},{"name":"合格","min":60},{"name":"不合格","min":0}],
                 "indicators":[
                   {"code":"A","name":"办学条件","points":60,"children":[
                     {"code":"A1","name":"生均图书","points":30,
                      "rule":{"type":"THRESHOLD","item":"books","op":">=","standard":{"primary":25,"junior":35},"perPupil":true}},
                     {"code":"A2","name":"生均仪器设备值","points":20,
                      "rule":{"type":"LINEAR","item":"equipment_value","standard":2000,"perPupil":true}},
                     {"code":"A3","name":"安全事故","points":10,
                      "rule":{"type":"DEDUCTION","item":"safety_incidents","perOccurrence":5}}]},
                   {"code":"C1","name":"管理规范","points":40,"rule":{"type":"MANUAL"}},
                   {"code":"X","name":"加分项","points":5,"bonus":true,"children":[
                     {"code":"X1","name":"获奖","points":5,"rule":{"type":"BONUS","item":"equipment_awards","perOccurrence":1}}]}],
                 "vetoes":[{"code":"V1","name":"D级危房在用","when":{"item":"danger_d_in_use","op":"==","value":1},"capAt":"不合格"}]}
                """.formatted(code);
    }

    @Autowired
    MockMvc mvc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void createsAndReadsASchemeInTheContractShape() throws Exception {
        api.post("qs_director", "/api/schemes", scheme("T-SHAPE"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("T-SHAPE"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.orgUnit").value("JB0101"))
                .andExpect(jsonPath("$.locked").value(false));
        api.get("qs_director", "/api/schemes/T-SHAPE")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("T-SHAPE"))
                .andExpect(jsonPath("$.name").value("测试方案"))
                .andExpect(jsonPath("$.maxScore").value(100.0))
                .andExpect(jsonPath("$.grades[0].name").value("优秀"))
                .andExpect(jsonPath("$.grades[0].min").value(90.0))
                .andExpect(jsonPath("$.grades[0].minExclusive").doesNotExist())
                .andExpect(jsonPath("$.indicators[0].code").value("A"))
                .andExpect(jsonPath("$.indicators[0].points").value(60.0))
                .andExpect(jsonPath("$.indicators[0].rule").doesNotExist())
                .andExpect(jsonPath("$.indicators[0].children[0].rule.type").value("THRESHOLD"))
                .andExpect(jsonPath("$.indicators[0].children[0].rule.item").value("books"))
                .andExpect(jsonPath("$.indicators[0].children[0].rule.op").value(">="))
                .andExpect(jsonPath("$.indicators[0].children[0].rule.standard.primary")
                        .value(25.0))
                .andExpect(jsonPath("$.indicators[0].children[0].rule.standard.junior")
                        .value(35.0))
                .andExpect(jsonPath("$.indicators[0].children[0].rule.perPupil").value(true))
                .andExpect(jsonPath("$.indicators[0].children[1].rule.standard").value(2000.0))
                .andExpect(jsonPath("$.indicators[0].children[2].rule.perOccurrence")
                        .value(5.0))
                .andExpect(jsonPath("$.indicators[1].rule.type").value("MANUAL"))
                .andExpect(jsonPath("$.indicators[2].bonus").value(true))
                .andExpect(jsonPath("$.vetoes[0].when.item").value("danger_d_in_use"))
                .andExpect(jsonPath("$.vetoes[0].when.op").value("=="))
                .andExpect(jsonPath("$.vetoes[0].when.value").value(1.0))
                .andExpect(jsonPath("$.vetoes[0].capAt").value("不合格"));
        api.get("qs_director", "/api/schemes")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("T-SHAPE")))
                .andExpect(jsonPath("$[*].code", hasItem("YWBZH")));
    }

    @Test
    void seedsTheFourCitySchemesForBothCounties() throws Exception {
        for (String user : new String[] {"qs_director", "dh_director", "school_clerk", "city_leader"}) {
            api.get(user, "/api/schemes")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].code", hasItem("YWBZH")))
                    .andExpect(jsonPath("$[*].code", hasItem("XJXDD")))
                    .andExpect(jsonPath("$[*].code", hasItem("ZBSF")))
                    .andExpect(jsonPath("$[*].code", hasItem("JHFZ8")));
        }
        api.get("school_clerk", "/api/schemes/YWBZH")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.maxScore").value(1000.0))
                .andExpect(jsonPath("$.orgUnit").value("JB01"))
                .andExpect(jsonPath("$.grades[*].name", hasItem("基本达标")))
                .andExpect(jsonPath("$.vetoes.length()").value(3));
        api.get("qs_director", "/api/schemes/XJXDD")
                .andExpect(jsonPath("$.vetoes[0].capAt").value("合格县"));
        api.get("qs_director", "/api/schemes/JHFZ8")
                .andExpect(jsonPath("$.indicators.length()").value(8));
    }

    @Test
    void refusesEachKindOfInvalidScheme() throws Exception {
        // children's points do not add up to the parent's
        api.post("qs_director", "/api/schemes", scheme("T-BAD1").replace("\"points\":20", "\"points\":25"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("indicators[0].points")))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("子指标分值之和 65"))));
        // unknown rule type
        api.post("qs_director", "/api/schemes", scheme("T-BAD2").replace("\"LINEAR\"", "\"CURVE\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("indicators[0].children[1].rule.type")));
        // a veto capping at a grade the scheme does not have
        api.post("qs_director", "/api/schemes", scheme("T-BAD3").replace("\"capAt\":\"不合格\"", "\"capAt\":\"良好\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("vetoes[0].capAt"))
                .andExpect(jsonPath("$.errors[0].message", containsString("良好")));
        // duplicate codes
        api.post("qs_director", "/api/schemes", scheme("T-BAD4").replace("\"code\":\"A2\"", "\"code\":\"A1\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("indicators[0].children[1].code")))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("重复"))));
        // a cycle: an indicator nested under itself
        api.post("qs_director", "/api/schemes", scheme("T-BAD5").replace("\"code\":\"A1\"", "\"code\":\"A\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("indicators[0].children[0].code")))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("循环引用"))));
        // a cycle in a flat list naming parents
        api.post("qs_director", "/api/schemes", """
                {"code":"T-BAD6","name":"循环","maxScore":10,"grades":[{"name":"合格","min":0}],
                 "indicators":[{"code":"R","name":"根","points":10,"rule":{"type":"MANUAL"}},
                   {"code":"P","name":"甲","points":5,"parent":"Q"},{"code":"Q","name":"乙","points":5,"parent":"P"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("indicators[1].parent")))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("循环引用"))));
        // several problems at once, each named; nothing is stored
        api.post("qs_director", "/api/schemes", """
                {"code":"T-BAD7","name":"","maxScore":100,"grades":[],
                 "indicators":[{"code":"A","name":"甲","points":50,"rule":{"type":"THRESHOLD","item":"books","op":"=>","standard":1}}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("请求有误"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("grades")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("indicators[0].rule.op")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("maxScore")));
        api.get("qs_director", "/api/schemes/T-BAD7").andExpect(status().isNotFound());
        api.post("qs_director", "/api/schemes", "{\"code\":\"T-BAD8\",\"maxScore\":\"many\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("maxScore"));
    }

    @Test
    void savingAgainMakesANewVersionAndOldVersionsStayReadable() throws Exception {
        api.post("qs_director", "/api/schemes", scheme("T-VER")).andExpect(status().isCreated());
        api.post("qs_director", "/api/schemes", scheme("T-VER").replace("测试方案", "测试方案（修订）"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2));
        api.get("qs_director", "/api/schemes/T-VER")
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.name").value("测试方案（修订）"));
        api.get("qs_director", "/api/schemes/T-VER/versions")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].version").value(2))
                .andExpect(jsonPath("$[1].version").value(1))
                .andExpect(jsonPath("$[1].createdBy").value("qs_director"));
        api.get("qs_director", "/api/schemes/T-VER/versions/1")
                .andExpect(jsonPath("$.name").value("测试方案"));
        api.get("qs_director", "/api/schemes/T-VER/versions/9").andExpect(status().isNotFound());
        // the owner cannot change with a new version
        api.post(
                        "qs_director",
                        "/api/schemes",
                        scheme("T-VER").replace("{\"code\":\"T-VER\"", "{\"orgUnit\":\"JB010101\",\"code\":\"T-VER\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("orgUnit"));
    }

    @Test
    void aLockedVersionIsReadOnlyWhileADraftMayBeCorrected() throws Exception {
        api.post("qs_director", "/api/schemes", scheme("T-LOCK")).andExpect(status().isCreated());
        // a draft may be corrected in place
        api.put(
                        "qs_director",
                        "/api/schemes/T-LOCK/versions/1",
                        scheme("T-LOCK").replace("测试方案", "草稿更正").replaceFirst("\\{", "{\"revision\":0,"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.name").value("草稿更正"));
        api.post("qs_director", "/api/schemes/T-LOCK/versions/1/lock", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locked").value(true))
                .andExpect(jsonPath("$.lockedAt").isNotEmpty());
        api.put("qs_director", "/api/schemes/T-LOCK/versions/1", scheme("T-LOCK"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("只读")));
        api.get("qs_director", "/api/schemes/T-LOCK")
                .andExpect(jsonPath("$.locked").value(true))
                .andExpect(jsonPath("$.name").value("草稿更正"));
        // editing makes a new version, which is a draft again
        api.post("qs_director", "/api/schemes", scheme("T-LOCK"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.locked").value(false));
        // only editors lock
        api.post("qs_expert", "/api/schemes/T-LOCK/versions/2/lock", null).andExpect(status().isForbidden());
    }

    @Test
    void clonesASchemeIntoTheCallersCounty() throws Exception {
        api.post("qs_director", "/api/schemes/YWBZH/clone", "{\"code\":\"T-QS-BZH\",\"name\":\"青山县标准化评估\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("T-QS-BZH"))
                .andExpect(jsonPath("$.name").value("青山县标准化评估"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.orgUnit").value("JB0101"))
                .andExpect(jsonPath("$.maxScore").value(1000.0))
                .andExpect(
                        jsonPath("$.indicators[0].children[0].children[0].code").value("A11"))
                .andExpect(jsonPath("$.note", containsString("YWBZH")));
        // now the county's own: the other county does not see it
        api.get("dh_director", "/api/schemes/T-QS-BZH").andExpect(status().isNotFound());
        api.get("dh_director", "/api/schemes").andExpect(jsonPath("$[*].code", not(hasItem("T-QS-BZH"))));
        api.post("qs_director", "/api/schemes/YWBZH/clone", "{\"code\":\"T-QS-BZH\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        api.post("dh_director", "/api/schemes/T-QS-BZH/clone", "{\"code\":\"T-DH-BZH\"}")
                .andExpect(status().isNotFound());
    }

    @Test
    void outsidersGet404AndReadersWithoutTheRoleGet403() throws Exception {
        api.post("qs_director", "/api/schemes", scheme("T-SCOPE")).andExpect(status().isCreated());
        // another county: does not exist, for reads and writes
        api.get("dh_director", "/api/schemes/T-SCOPE").andExpect(status().isNotFound());
        api.get("dh_director", "/api/schemes/T-SCOPE/versions").andExpect(status().isNotFound());
        api.post("dh_director", "/api/schemes", scheme("T-SCOPE")).andExpect(status().isNotFound());
        api.post("dh_director", "/api/schemes/T-SCOPE/score", "{}").andExpect(status().isNotFound());
        api.post("dh_director", "/api/schemes/T-SCOPE/versions/1/lock", null).andExpect(status().isNotFound());
        api.get("dh_director", "/api/schemes/T-SCOPE/export.json").andExpect(status().isNotFound());
        api.post(
                        "dh_director",
                        "/api/schemes",
                        scheme("T-SCOPE2").replace("{\"code\"", "{\"orgUnit\":\"JB0101\",\"code\""))
                .andExpect(status().isNotFound());
        // a school inside the county reads the county's scheme but may not change it
        api.get("school_clerk", "/api/schemes/T-SCOPE").andExpect(status().isOk());
        api.post("school_clerk", "/api/schemes", scheme("T-SCOPE")).andExpect(status().isForbidden());
        api.post("qs_expert", "/api/schemes", scheme("T-SCOPE3")).andExpect(status().isForbidden());
        // a county director reads the city's scheme but may not version it
        api.post("qs_director", "/api/schemes", scheme("YWBZH")).andExpect(status().isForbidden());
        api.post("city_leader", "/api/schemes", scheme("T-SCOPE4")).andExpect(status().isForbidden());
        api.get("public", "/api/schemes/YWBZH").andExpect(status().isNotFound());
        api.get(null, "/api/schemes/YWBZH").andExpect(status().isUnauthorized());
        // the city director covers the county
        api.post("city_director", "/api/schemes", scheme("T-SCOPE"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2));
        api.get("dh_director", "/api/schemes/T-SCOPE/versions/2").andExpect(status().isNotFound());
    }

    @Test
    void checksWithoutSavingAndWarnsAboutUnknownItems() throws Exception {
        api.post(
                        "qs_director",
                        "/api/schemes/check",
                        scheme("T-CHECK").replace("\"equipment_value\"", "\"no_such_item\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.warnings[0].field").value("indicators[0].children[1].rule.item"));
        api.post("qs_director", "/api/schemes/check", scheme("T-CHECK").replace("\"points\":30", "\"points\":31"))
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[*].field", hasItem("indicators[0].points")));
        api.get("qs_director", "/api/schemes/T-CHECK").andExpect(status().isNotFound());
    }
}
