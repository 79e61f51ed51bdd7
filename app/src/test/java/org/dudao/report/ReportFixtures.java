package org.dudao.report;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dudao.data.DataValues;
import org.dudao.evaluation.EvaluationFixtures;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.support.Api;
import org.dudao.support.TestClock;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A county of its own (T-RPT, under 临川市) whose files are moved through the real workflow, so its figures are
 * known exactly whatever other tests do:
 * <pre>
 * township T-RPT-A: A1, A2 授牌; A3 不达标 (D级危房在用) → CLOSED with 5 rectification items; A4 still in 自评
 * township T-RPT-B: B1 授牌; B2 passed the county, now in 市级复核
 * project T-RPT-P of the year of yesterday (this year but on 1 January), quota 3 + 1, 公示 0 days
 * items of A3: [0] open, deadline yesterday, drafted 100 days ago (逾期, late); [1] closed today after a deadline of
 * yesterday (late); [2] closed two days ago, deadline yesterday (on time); [3] open, deadline in 30 days, drafted
 * 400 days ago; [4] open without a plan
 * </pre>
 * Built once per test run; {@code rpt_director} directs the county.
 */
final class ReportFixtures {

    /** The year of yesterday: the late items' deadline of yesterday falls in it, on 1 January too. */
    static final int YEAR = TestClock.today().minusDays(1).getYear();

    static final String COUNTY = "T-RPT";
    static final String PROJECT = "T-RPT-P";
    static final String DIRECTOR = "rpt_director";

    private final Api api;
    private final OrgUnits orgUnits;
    private final DataValues values;
    private final JdbcTemplate jdbc;

    ReportFixtures(Api api, OrgUnits orgUnits, DataValues values, JdbcTemplate jdbc) {
        this.api = api;
        this.orgUnits = orgUnits;
        this.values = values;
        this.jdbc = jdbc;
    }

    synchronized void build() throws Exception {
        if (jdbc.queryForObject("select count(*) from org_unit where code = ?", Integer.class, COUNTY) > 0) {
            return;
        }
        unit(COUNTY, "报表测试县", "县", "JB01");
        unit(COUNTY + "-A", "报表甲镇", "乡镇", COUNTY);
        unit(COUNTY + "-B", "报表乙镇", "乡镇", COUNTY);
        Map<String, Double> veto = EvaluationFixtures.full(600);
        veto.put("books", 24.0 * 600);
        veto.put("sports_area", 7.0 * 600 * 0.6);
        veto.put("computers", 0.12 * 600 * 0.8);
        veto.put("safety_incidents", 3.0);
        veto.put("danger_d_in_use", 1.0);
        school("A1", "A", EvaluationFixtures.full(600));
        school("A2", "A", EvaluationFixtures.full(600));
        school("A3", "A", veto);
        school("A4", "A", EvaluationFixtures.full(600));
        school("B1", "B", EvaluationFixtures.full(600));
        school("B2", "B", EvaluationFixtures.full(600));
        api.post("admin", "/api/users", """
                {"username":"%s","displayName":"报表测试县主任","password":"%s","mustChangePassword":false,
                 "grants":[{"role":"DIRECTOR","orgUnit":"%s"}]}""".formatted(DIRECTOR, Api.PASSWORD, COUNTY))
                .andExpect(status().isCreated());
        api.post("admin", "/api/projects", """
                {"code":"%s","name":"报表测试县%d年标准化建设评估验收","year":%d,"scheme":"YWBZH","orgUnit":"%s",
                 "deadline":"2099-12-31","publicityDays":0,"quotaPrimary":3,"quotaSecondary":1,
                 "schools":["%s"]}""".formatted(
                                PROJECT,
                                YEAR,
                                YEAR,
                                COUNTY,
                                String.join("\",\"", List.of(s("A1"), s("A2"), s("A3"), s("A4"), s("B1"), s("B2")))))
                .andExpect(status().isCreated());
        for (String school : List.of("A1", "A2", "B1")) {
            walk(school, "submit", "submit", "score", "approve", "score", "approve", "approve", "certify");
        }
        walk("B2", "submit", "submit", "score", "approve");
        walk("A3", "submit", "submit", "score", "approve");
        rectification();
    }

    static String s(String school) {
        return COUNTY + "-" + school;
    }

    /** The five items drafted for A3, by id. */
    List<Long> items() {
        return jdbc.queryForList(
                "select r.id from rectification r join org_unit o on o.id = r.org_unit_id "
                        + "where o.code = ? order by r.id",
                Long.class,
                s("A3"));
    }

    private void rectification() throws Exception {
        List<Long> ids = items();
        if (ids.size() != 5) {
            throw new IllegalStateException("expected 5 drafted items, got " + ids);
        }
        LocalDate today = TestClock.today();
        String soon = today.plusDays(30).toString();
        for (int i = 1; i <= 3; i++) {
            api.post(
                            "admin",
                            "/api/rectifications/{id}/plan",
                            "{\"plan\":\"按标准补齐\",\"deadline\":\"%s\"}".formatted(soon),
                            ids.get(i))
                    .andExpect(status().isOk());
        }
        for (int i = 1; i <= 2; i++) {
            api.post("admin", "/api/rectifications/{id}/report", "{\"progress\":\"已补齐\"}", ids.get(i))
                    .andExpect(status().isOk());
            api.post("admin", "/api/rectifications/{id}/close", "{}", ids.get(i))
                    .andExpect(status().isOk());
        }
        LocalDate yesterday = today.minusDays(1);
        java.time.Instant now = TestClock.now();
        jdbc.update(
                "update rectification set deadline = ?, created_at = ? where id = ?",
                yesterday,
                daysAgo(now, 100),
                ids.get(0));
        jdbc.update("update rectification set deadline = ? where id = ?", yesterday, ids.get(1));
        jdbc.update(
                "update rectification set deadline = ?, closed_at = ? where id = ?",
                yesterday,
                daysAgo(now, 2),
                ids.get(2));
        jdbc.update("update rectification set created_at = ? where id = ?", daysAgo(now, 400), ids.get(3));
    }

    private static java.sql.Timestamp daysAgo(java.time.Instant now, int days) {
        return java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(days)));
    }

    private void walk(String school, String... actions) throws Exception {
        for (String action : actions) {
            String body = action.equals("score") ? """
                    {"action":"score","reason":"专家组协商一致","manual":{"A22":{"score":20},"A34":{"score":40},
                     "B4":{"score":50},"C1":{"score":60},"C3":{"score":80},"D2":{"score":100}}}""" : "{\"action\":\"%s\"}".formatted(action);
            api.post("admin", "/api/projects/{p}/evaluations/{u}/transitions", body, PROJECT, s(school))
                    .andExpect(status().isOk());
        }
    }

    private void unit(String code, String name, String kind, String parent) throws Exception {
        api.post("admin", "/api/org-units", """
                {"code":"%s","name":"%s","kind":"%s","parentCode":"%s"}""".formatted(code, name, kind, parent))
                .andExpect(status().isCreated());
    }

    private void school(String code, String township, Map<String, Double> v) throws Exception {
        String unit = s(code);
        api.post("admin", "/api/org-units", """
                {"code":"%s","name":"报表测试%s小学","kind":"小学","parentCode":"%s",
                 "enrolment":{"primary":600},"enrolmentYear":"%d"}""".formatted(unit, code, COUNTY + "-" + township, YEAR))
                .andExpect(status().isCreated());
        Access.runAsSystem(() -> {
            OrgUnitRef u = orgUnits.readable(unit);
            v.forEach(
                    (item, x) -> values.putNumber(u.id(), u.path(), String.valueOf(YEAR), item, BigDecimal.valueOf(x)));
        });
    }

    static String id(String json, String path) {
        return String.valueOf(JsonPath.<Object>read(json, path));
    }
}
