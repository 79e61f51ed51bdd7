package org.dudao.scheme;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** What-if and gap analysis through the API: the SPEC §2 examples, grade boundaries, vetoes, stored values. */
@DudaoTest
class SchemeWhatIfTest {

    @Autowired
    MockMvc mvc;

    Api api;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
    }

    private void create(String user, String json) throws Exception {
        api.post(user, "/api/schemes", json).andExpect(status().isCreated());
    }

    private static final String BOOKS = """
            {"code":"%s","name":"生均图书","maxScore":100,
             "grades":[{"name":"达标","min":60},{"name":"不达标","min":0}],
             "indicators":[
               {"code":"B1","name":"生均图书册数","points":60,
                "rule":{"type":"THRESHOLD","item":"books","op":">=","standard":{"primary":25,"junior":35},"perPupil":true}},
               {"code":"C1","name":"图书管理","points":40,"rule":{"type":"MANUAL"}}]}""";

    @Test
    void nineYearSchoolWithTooFewBooksNeedsOneThousandMore() throws Exception {
        create("qs_director", BOOKS.formatted("T-WI-BOOKS"));
        api.post("qs_director", "/api/schemes/T-WI-BOOKS/score", """
                {"kind":"九年一贯制学校","enrolment":{"primary":600,"junior":400,"senior":0},"values":{"books":28000},
                 "manual":{"C1":{"score":40,"reason":"制度健全"}}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(40.0))
                .andExpect(jsonPath("$.grade").value("不达标"))
                .andExpect(jsonPath("$.vetoes.length()").value(0))
                .andExpect(jsonPath("$.indicators[0].code").value("B1"))
                .andExpect(jsonPath("$.indicators[0].score").value(0.0))
                .andExpect(jsonPath("$.indicators[0].points").value(60.0))
                .andExpect(jsonPath("$.indicators[1].score").value(40.0))
                .andExpect(jsonPath("$.gaps[0].code").value("B1"))
                .andExpect(jsonPath("$.gaps[0].name").value("生均图书册数"))
                .andExpect(jsonPath("$.gaps[0].item").value("books"))
                .andExpect(jsonPath("$.gaps[0].pointsLost").value(60.0))
                .andExpect(jsonPath("$.gaps[0].required").value(29000.0))
                .andExpect(jsonPath("$.gaps[0].additional").value(1000.0))
                .andExpect(jsonPath("$.gaps[0].advice", containsString("图书册数 1,000 册")))
                .andExpect(jsonPath("$.nextGrade.targetGrade").value("达标"))
                .andExpect(jsonPath("$.nextGrade.reachable").value(true))
                .andExpect(jsonPath("$.nextGrade.close[0].code").value("B1"))
                .andExpect(jsonPath("$.nextGrade.summary", containsString("1,000")));
        // the same school with the missing thousand books meets the standard
        api.post("qs_director", "/api/schemes/T-WI-BOOKS/score", """
                {"kind":"九年一贯制学校","enrolment":{"primary":600,"junior":400},"values":{"books":"29,000"},
                 "manual":{"C1":{"score":40}}}""")
                .andExpect(jsonPath("$.indicators[0].score").value(60.0))
                .andExpect(jsonPath("$.grade").value("达标"));
    }

    @Test
    void completeSecondarySchoolMeetsTheStandardAfterApportioning() throws Exception {
        create("qs_director", BOOKS.formatted("T-WI-CS"));
        api.post("qs_director", "/api/schemes/T-WI-CS/score", """
                {"kind":"完全中学","enrolment":{"primary":0,"junior":1200,"senior":800},"values":{"books":90000}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators[0].score").value(60.0))
                .andExpect(jsonPath("$.total").value(60.0))
                .andExpect(jsonPath("$.grade").value("达标"))
                .andExpect(jsonPath("$.indicators[1].unscored").value(true))
                .andExpect(jsonPath("$.unscored[0]").value("C1"))
                .andExpect(jsonPath("$.complete").value(false));
    }

    @Test
    void gradeBoundariesAreInclusiveUnlessMarkedExclusive() throws Exception {
        create("qs_director", """
                {"code":"T-WI-BOUND","name":"边界","maxScore":1000,
                 "grades":[{"name":"达标","min":900},{"name":"基本达标","min":850},{"name":"不达标","min":0}],
                 "indicators":[{"code":"M","name":"综合评分","points":1000,"rule":{"type":"MANUAL"}}]}""");
        String[][] cases = {
            {"900", "达标"}, {"899.99", "基本达标"}, {"850", "基本达标"}, {"849.99", "不达标"}, {"1000", "达标"}, {"0", "不达标"}
        };
        for (String[] c : cases) {
            api.post(
                            "qs_director",
                            "/api/schemes/T-WI-BOUND/score",
                            "{\"manual\":{\"M\":{\"score\":" + c[0] + ",\"reason\":\"专家评定\"}}}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(Double.parseDouble(c[0])))
                    .andExpect(jsonPath("$.grade").value(c[1]));
        }
        create("qs_director", """
                {"code":"T-WI-EXCL","name":"不含下限","maxScore":100,
                 "grades":[{"name":"优秀","min":90,"minExclusive":true},{"name":"一般","min":0}],
                 "indicators":[{"code":"M","name":"综合评分","points":100,"rule":{"type":"MANUAL"}}]}""");
        api.get("qs_director", "/api/schemes/T-WI-EXCL")
                .andExpect(jsonPath("$.grades[0].minExclusive").value(true));
        api.post("qs_director", "/api/schemes/T-WI-EXCL/score", "{\"manual\":{\"M\":{\"score\":90,\"reason\":\"x\"}}}")
                .andExpect(jsonPath("$.grade").value("一般"));
        api.post(
                        "qs_director",
                        "/api/schemes/T-WI-EXCL/score",
                        "{\"manual\":{\"M\":{\"score\":90.01,\"reason\":\"x\"}}}")
                .andExpect(jsonPath("$.grade").value("优秀"));
    }

    @Test
    void aVetoCapsTheGradeWhateverTheScore() throws Exception {
        create("qs_director", """
                {"code":"T-WI-VETO","name":"否决","maxScore":100,
                 "grades":[{"name":"先进县","min":90},{"name":"合格县","min":75},{"name":"不合格","min":0}],
                 "indicators":[{"code":"M","name":"综合评分","points":100,"rule":{"type":"MANUAL"}}],
                 "vetoes":[{"code":"V1","name":"D级危房面积比例超过3%","when":{"item":"danger_d_ratio","op":">","value":3},"capAt":"合格县"},
                           {"code":"V2","name":"D级危房在用","when":{"item":"danger_d_in_use","op":"==","value":1},"capAt":"不合格"}]}""");
        // SPEC §2: 91.5 points, 16.21% D-grade floor space → capped at 合格县
        api.post("qs_director", "/api/schemes/T-WI-VETO/score", """
                {"values":{"danger_d_ratio":16.21,"danger_d_in_use":false},"manual":{"M":{"score":91.5,"reason":"评定"}}}""")
                .andExpect(jsonPath("$.total").value(91.5))
                .andExpect(jsonPath("$.gradeByScore").value("先进县"))
                .andExpect(jsonPath("$.grade").value("合格县"))
                .andExpect(jsonPath("$.vetoes.length()").value(1))
                .andExpect(jsonPath("$.vetoes[0].code").value("V1"))
                .andExpect(jsonPath("$.vetoes[0].name").value("D级危房面积比例超过3%"))
                .andExpect(jsonPath("$.vetoes[0].value").value(16.21))
                .andExpect(jsonPath("$.vetoes[0].evidence", containsString("D级危房面积比例 = 16.21 > 3")));
        api.post("qs_director", "/api/schemes/T-WI-VETO/score", """
                {"values":{"danger_d_ratio":2,"danger_d_in_use":true},"manual":{"M":{"score":95}}}""")
                .andExpect(jsonPath("$.grade").value("不合格"))
                .andExpect(jsonPath("$.vetoes[0].code").value("V2"))
                .andExpect(jsonPath("$.nextGrade.blockingVetoes[0].code").value("V2"));
        api.post("qs_director", "/api/schemes/T-WI-VETO/score", """
                {"values":{"danger_d_ratio":2.9,"danger_d_in_use":0},"manual":{"M":{"score":95}}}""")
                .andExpect(jsonPath("$.grade").value("先进县"))
                .andExpect(jsonPath("$.missingReasons[0]").value("M"));
    }

    @Test
    void badWhatIfInputIsNamedByField() throws Exception {
        api.post("qs_director", "/api/schemes/YWBZH/score", """
                {"kind":"大学","enrolment":{"primary":-1},"values":{"books":"很多"},"manual":{"A11":{"score":1}}}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("kind")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("enrolment.primary")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("values.books")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("manual.A11")));
    }

    @Test
    void startsFromASchoolsStoredValuesAndPlansTheWayToTheNextGrade() throws Exception {
        // the county director scores 城关中心小学 under the city's standardization scheme, experts' parts at full marks
        String fullManual = "{\"A22\":{\"score\":20},\"A34\":{\"score\":40},\"B4\":{\"score\":50},"
                + "\"C1\":{\"score\":60},\"C3\":{\"score\":80},\"D2\":{\"score\":100}}";
        api.get("qs_director", "/api/schemes/YWBZH/prefill?unit=JB01010101")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("小学"))
                .andExpect(jsonPath("$.enrolment.primary", greaterThan(0)))
                .andExpect(jsonPath("$.values.books", greaterThan(0.0)));
        api.post("qs_director", "/api/schemes/YWBZH/score", "{\"unit\":\"JB01010101\",\"manual\":" + fullManual + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unit").value("JB01010101"))
                .andExpect(jsonPath("$.kind").value("小学"))
                .andExpect(jsonPath("$.grade").value("基本达标"))
                .andExpect(jsonPath("$.gaps[*].code", hasItem("A33")))
                .andExpect(jsonPath("$.gaps[*].code", hasItem("C2")))
                .andExpect(jsonPath("$.nextGrade.targetGrade").value("达标"))
                .andExpect(jsonPath("$.nextGrade.close[0].code").value("A33"))
                .andExpect(jsonPath("$.nextGrade.close[0].advice", containsString("还需增加图书册数")));
        // typed values override stored ones
        api.post(
                        "qs_director",
                        "/api/schemes/YWBZH/score",
                        "{\"unit\":\"JB01010101\",\"values\":{\"books\":1000000},\"manual\":" + fullManual + "}")
                .andExpect(jsonPath("$.grade").value("达标"));
        // the other county may use the scheme, but not this school's data
        api.post("dh_director", "/api/schemes/YWBZH/score", "{\"unit\":\"JB01010101\"}")
                .andExpect(status().isNotFound());
        // the county level: 东湖区 has 4.2% D-grade floor space and is capped at 合格县
        api.post("dh_director", "/api/schemes/XJXDD/score", """
                {"unit":"JB0102","manual":{"A1":{"score":10},"A2":{"score":10},"D":{"score":15},"E2":{"score":5}}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.vetoes[0].code").value("V1"))
                .andExpect(jsonPath("$.grade").value("合格县"));
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aSchoolWithoutFiguresThisYearStartsFromItsLatestYear() throws Exception {
        int year = java.time.Year.now().getValue();
        api.post("admin", "/api/org-units", """
                {"code":"T-WI-OLD","name":"往年数据小学","kind":"PRIMARY","parentCode":"JB010101"}""").andExpect(status().isCreated());
        try {
            api.post("admin", "/api/data-values", """
                    {"period":"%d","values":[{"orgUnit":"T-WI-OLD","item":"books","value":"4321"},
                     {"orgUnit":"T-WI-OLD","item":"students_primary","value":"120"}]}""".formatted(year - 2)).andExpect(status().isOk());
            api.get("qs_director", "/api/schemes/YWBZH/prefill?unit=T-WI-OLD")
                    .andExpect(jsonPath("$.period").value(String.valueOf(year - 2)))
                    .andExpect(jsonPath("$.values.books").value(4321.0))
                    .andExpect(jsonPath("$.enrolment.primary").value(120));
            // a year asked for is that year, empty or not
            api.get("qs_director", "/api/schemes/YWBZH/prefill?unit=T-WI-OLD&period=" + year)
                    .andExpect(jsonPath("$.period").value(String.valueOf(year)))
                    .andExpect(jsonPath("$.values.books").doesNotExist());
        } finally {
            // the county's school counts stay as the other tests expect them
            String unit = "(select id from org_unit where code = 'T-WI-OLD')";
            jdbc.update("delete from data_value_history where org_unit_id = " + unit);
            jdbc.update("delete from data_value where org_unit_id = " + unit);
            jdbc.update("delete from org_unit where code = 'T-WI-OLD'");
        }
    }
}
