package org.dudao.evaluation;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.Map;
import org.dudao.data.DataValues;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.support.Api;

/**
 * A test city of its own (codes given by the test) under the province with two counties: directors for each, the
 * counties' own figures of the year and two 小学 and two 初中 each, whose values give the balance CVs the 先进县
 * scheme reads; and that city's copy of the seeded 先进县 scheme (the seeded one belongs to the demo city).
 */
public final class ChainFixtures {

    static final int YEAR = EvaluationFixtures.YEAR;
    private final Api api;
    private final OrgUnits orgUnits;
    private final DataValues values;
    private final EvaluationFixtures fx;

    public ChainFixtures(Api api, OrgUnits orgUnits, DataValues values, EvaluationFixtures fx) {
        this.api = api;
        this.orgUnits = orgUnits;
        this.values = values;
        this.fx = fx;
    }

    /** The seeded 先进县 scheme as the city's own, code XJXDD + the city's digits. */
    public String advancedCountyScheme(String city, String director) throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var scheme = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                new org.springframework.core.io.ClassPathResource("scheme/demo/2-XJXDD.json").getInputStream());
        String code = "XJXDD" + city.substring(2);
        scheme.put("code", code).put("orgUnit", city);
        api.post(director, "/api/schemes", scheme.toString()).andExpect(status().isCreated());
        return code;
    }

    /** A test city of its own under the province, with two counties whose schools give the balance CVs. */
    public void city(String city, String danger1, String danger2) throws Exception {
        unit(city, "链测试市" + city, "市", "JB");
        fx.user("rc_city_" + city.toLowerCase(), "市督导室", "DIRECTOR", city);
        county(city + "01", "甲县" + city, danger1);
        county(city + "02", "乙县" + city, danger2);
    }

    public void county(String code, String name, String danger) throws Exception {
        unit(code, name, "县", code.substring(0, code.length() - 2));
        fx.user("rc_county_" + code.toLowerCase(), name + "督导室", "DIRECTOR", code);
        for (int i = 1; i <= 2; i++) {
            school(code + "P" + i, name + "小学" + i, "小学", 600, 0, code);
            school(code + "J" + i, name + "初中" + i, "初中", 0, 600, code);
        }
        put(
                code,
                Map.of(
                        "dropout_rate_junior", 0.5,
                        "danger_d_ratio", Double.valueOf(danger),
                        "standardized_school_rate", 100.0,
                        "major_accidents", 0.0));
    }

    public void unit(String code, String name, String kind, String parent) throws Exception {
        api.post("admin", "/api/org-units", """
                {"code":"%s","name":"%s","kind":"%s","parentCode":"%s"}""".formatted(code, name, kind, parent))
                .andExpect(status().isCreated());
    }

    public void school(String code, String name, String kind, int primary, int junior, String parent) throws Exception {
        api.post("admin", "/api/org-units", """
                {"code":"%s","name":"%s","kind":"%s","parentCode":"%s",
                 "enrolment":{"primary":%s,"junior":%s},"enrolmentYear":"%d"}""".formatted(
                        code, name, kind, parent, primary == 0 ? "null" : primary, junior == 0 ? "null" : junior, YEAR))
                .andExpect(status().isCreated());
        put(code, EvaluationFixtures.full(600));
    }

    public void put(String code, Map<String, Double> v) {
        Access.runAsSystem(() -> {
            OrgUnitRef u = orgUnits.readable(code);
            v.forEach(
                    (item, x) -> values.putNumber(u.id(), u.path(), String.valueOf(YEAR), item, BigDecimal.valueOf(x)));
        });
    }
}
