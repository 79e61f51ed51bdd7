package org.dudao.balance;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.Map;
import org.dudao.data.DataValues;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.support.Api;
import org.dudao.support.TestClock;

/**
 * Two counties of their own under the demo city: BALC holds SPEC §4's worked example (three 小学 at 10, 20, 30 books
 * per pupil with 100, 100, 200 pupils), a 小学 without pupils and an empty township; BALS one 九年一贯制 school with
 * 166 + 210 pupils and 23,226 books (the split example). Built once per database.
 */
final class BalanceFixtures {

    static final String COUNTY = "BALC";
    static final String SPLIT = "BALS";
    static final int YEAR = TestClock.year();

    private final Api api;
    private final OrgUnits orgUnits;
    private final DataValues values;

    BalanceFixtures(Api api, OrgUnits orgUnits, DataValues values) {
        this.api = api;
        this.orgUnits = orgUnits;
        this.values = values;
    }

    void build() throws Exception {
        boolean built = Boolean.TRUE.equals(org.dudao.support.AsSystem.get(() -> {
            try {
                orgUnits.readable(SPLIT + "-N");
                return true;
            } catch (org.dudao.shared.NotFoundException e) {
                return false;
            }
        }));
        if (built) {
            return;
        }
        unit(COUNTY, "均衡测试县", "县", "JB01");
        unit(COUNTY + "-A", "均衡甲镇", "乡镇", COUNTY);
        unit(COUNTY + "-E", "均衡空镇", "乡镇", COUNTY);
        school(COUNTY + "-P1", "均衡一小", "小学", COUNTY + "-A", "{\"primary\":100}", Map.of("books", 1000.0));
        school(COUNTY + "-P2", "均衡二小", "小学", COUNTY + "-A", "{\"primary\":100}", Map.of("books", 2000.0));
        school(COUNTY + "-P3", "均衡三小", "小学", COUNTY + "-A", "{\"primary\":200}", Map.of("books", 6000.0));
        school(COUNTY + "-P4", "均衡停办小学", "小学", COUNTY + "-A", "{}", Map.of());
        unit(SPLIT, "拆分测试县", "县", "JB01");
        school(
                SPLIT + "-N",
                "拆分九年一贯制学校",
                "九年一贯制学校",
                SPLIT,
                "{\"primary\":166,\"junior\":210}",
                Map.of("books", 23226.0));
    }

    private void unit(String code, String name, String kind, String parent) throws Exception {
        api.post("admin", "/api/org-units", """
                {"code":"%s","name":"%s","kind":"%s","parentCode":"%s"}""".formatted(code, name, kind, parent))
                .andExpect(status().isCreated());
    }

    private void school(String code, String name, String kind, String parent, String enrolment, Map<String, Double> v)
            throws Exception {
        api.post("admin", "/api/org-units", """
                {"code":"%s","name":"%s","kind":"%s","parentCode":"%s","enrolment":%s,"enrolmentYear":"%d"}""".formatted(code, name, kind, parent, enrolment, YEAR))
                .andExpect(status().isCreated());
        Access.runAsSystem(() -> {
            OrgUnitRef u = orgUnits.readable(code);
            v.forEach(
                    (item, x) -> values.putNumber(u.id(), u.path(), String.valueOf(YEAR), item, BigDecimal.valueOf(x)));
        });
    }
}
