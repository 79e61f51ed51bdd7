package org.dudao.evaluation;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dudao.data.DataValues;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.support.Api;
import org.dudao.support.TestClock;

/**
 * Builds what the evaluation tests change, with codes of their own: a school under a township with stored
 * values of this year, a head for it, and a project of 青山县 on the seeded scheme.
 */
public final class EvaluationFixtures {

    public static final int YEAR = TestClock.year();
    private final Api api;
    private final OrgUnits orgUnits;
    private final DataValues values;

    public EvaluationFixtures(Api api, OrgUnits orgUnits, DataValues values) {
        this.api = api;
        this.orgUnits = orgUnits;
        this.values = values;
    }

    /** A 小学 of 600 pupils under 城关镇 meeting every quantitative standard (650 of 650 points). */
    public void passingPrimary(String code, String name) throws Exception {
        school(code, name, "小学", 600, 0, full(600));
    }

    /**
     * A 小学 like 城关中心小学: 24 books per pupil (standard 25), 60% of the sports ground, 80% of the computers and
     * three safety incidents, so 536 of 650 quantitative points and 基本达标 even with full manual scores (886).
     */
    public void basicPrimary(String code, String name) throws Exception {
        Map<String, Double> v = full(600);
        v.put("books", 24.0 * 600);
        v.put("sports_area", 7.0 * 600 * 0.6);
        v.put("computers", 0.12 * 600 * 0.8);
        v.put("safety_incidents", 3.0);
        school(code, name, "小学", 600, 0, v);
    }

    /**
     * A 九年一贯制学校 of 600 小学 + 400 初中 pupils under 城关镇 meeting every quantitative standard: each resource
     * per pupil is at the 初中 standard, above the enrolment-weighted one the combined-school rule asks for.
     */
    public void passingNineYear(String code, String name) throws Exception {
        int pupils = 1000;
        Map<String, Double> v = full(pupils);
        v.put("building_area", 8.0 * pupils);
        v.put("teaching_room_area", 4.5 * pupils);
        v.put("sports_area", 9.0 * pupils);
        v.put("equipment_value", 2000.0 * pupils);
        v.put("computers", Math.ceil(0.15 * pupils));
        v.put("books", 35.0 * pupils);
        v.put("teachers", Math.ceil(0.0741 * pupils));
        v.put("teachers_above_degree", Math.ceil(0.053 * pupils));
        v.put("teachers_senior_title", Math.ceil(0.035 * pupils));
        school(code, name, "九年一贯制学校", 600, 400, v);
    }

    /** A user with one role at a unit, created by the administrator through the users API. */
    public void user(String username, String displayName, String role, String orgUnit) throws Exception {
        api.post("admin", "/api/users", """
                {"username":"%s","displayName":"%s","password":"%s","mustChangePassword":false,"grants":[{"role":"%s","orgUnit":"%s"}]}""".formatted(username, displayName, Api.PASSWORD, role, orgUnit))
                .andExpect(status().isCreated());
    }

    public static String clerk(String schoolCode) {
        return "clerk_" + schoolCode.toLowerCase();
    }

    void school(String code, String name, String kind, int primary, int junior, Map<String, Double> v)
            throws Exception {
        api.post("admin", "/api/org-units", """
                {"code":"%s","name":"%s","kind":"%s","parentCode":"JB010101",
                 "enrolment":{"primary":%d,"junior":%d},"enrolmentYear":"%d"}""".formatted(code, name, kind, primary, junior, YEAR))
                .andExpect(status().isCreated());
        api.post("admin", "/api/users", """
                {"username":"%s","displayName":"%s","password":"%s","mustChangePassword":false,
                 "grants":[{"role":"HEAD","orgUnit":"%s"}]}""".formatted(head(code), name, Api.PASSWORD, code))
                .andExpect(status().isCreated());
        Access.runAsSystem(() -> {
            OrgUnitRef u = orgUnits.readable(code);
            v.forEach(
                    (item, x) -> values.putNumber(u.id(), u.path(), String.valueOf(YEAR), item, BigDecimal.valueOf(x)));
        });
    }

    public static String head(String schoolCode) {
        return "head_" + schoolCode.toLowerCase();
    }

    /** Every quantitative standard met for a 小学 of {@code pupils}. */
    public static Map<String, Double> full(int pupils) {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("building_area", 6.0 * pupils);
        v.put("teaching_room_area", 4.0 * pupils);
        v.put("sports_area", 7.5 * pupils);
        v.put("equipment_value", 1600.0 * pupils);
        v.put("computers", Math.ceil(0.13 * pupils));
        v.put("books", 26.0 * pupils);
        v.put("teachers", Math.ceil(0.06 * pupils));
        v.put("teachers_above_degree", Math.ceil(0.05 * pupils));
        v.put("teachers_senior_title", Math.ceil(0.03 * pupils));
        v.put("danger_d_area", 0.0);
        v.put("danger_d_in_use", 0.0);
        v.put("safety_incidents", 0.0);
        v.put("major_accidents", 0.0);
        v.put("criminal_cases", 0.0);
        v.put("fitness_pass_rate", 95.0);
        return v;
    }

    /** A project of 青山县 for the given schools, deadline far ahead unless given. */
    public void project(String code, String deadline, int publicityDays, String... schools) throws Exception {
        api.post("qs_director", "/api/projects", """
                {"code":"%s","name":"测试项目 %s","year":%d,"scheme":"YWBZH","orgUnit":"JB0101",
                 "deadline":"%s","publicityDays":%d,"schools":[%s]}""".formatted(
                                code,
                                code,
                                YEAR,
                                deadline,
                                publicityDays,
                                String.join(
                                        ",",
                                        java.util.Arrays.stream(schools)
                                                .map(s -> "\"" + s + "\"")
                                                .toList())))
                .andExpect(status().isCreated());
    }

    /**
     * Takes a school of 城关镇 through 自评 and the township to the county's agreed expert score (full marks on
     * the manual indicators), ready for the county to approve.
     */
    public void scoredByCounty(String project, String school) throws Exception {
        String file = "/api/projects/" + project + "/evaluations/" + school + "/transitions";
        api.post(head(school), file, transition("submit", null)).andExpect(status().isOk());
        api.post("cg_clerk", file, transition("submit", null)).andExpect(status().isOk());
        api.post("qs_director", file, """
                {"action":"score","reason":"专家组协商一致","manual":{"A22":{"score":20},"A34":{"score":40},
                 "B4":{"score":50},"C1":{"score":60},"C3":{"score":80},"D2":{"score":100}}}""").andExpect(status().isOk());
    }

    /** Full marks on every manual indicator except 素质教育与办学特色 (D2: 90 of 100). */
    public static String fullManual() {
        return """
                {"manual":{"A22":{"score":20},"A34":{"score":40},"B4":{"score":50},"C1":{"score":60},
                 "C3":{"score":80},"D2":{"score":90,"reason":"特色不够鲜明"}}}""";
    }

    /** A real 8×8 PNG (an on-site photo). */
    public static byte[] png() {
        var image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    public static String transition(String action, String reason) {
        return reason == null
                ? "{\"action\":\"%s\"}".formatted(action)
                : "{\"action\":\"%s\",\"reason\":\"%s\"}".formatted(action, reason);
    }
}
