package org.dudao.org.internal;

import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Random;
import org.dudao.org.Enrolment;
import org.dudao.org.Enrolments;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgTree;
import org.dudao.org.OrgUnitForm;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile only: one province, one city with two counties, 14 townships and about 150 schools of all kinds
 * with enrolment for this year and last year. Runs once (skipped when the province exists).
 */
@Component
@Profile("demo")
@Order(10)
class DemoOrgTree implements ApplicationRunner {

    static final String PROVINCE = "JB";
    private static final String[] VILLAGES = {
        "李家", "王庄", "张湾", "刘集", "陈岗", "赵楼", "孙店", "周营", "吴桥", "郑村", "马坡", "胡岭", "高庄", "杨湾", "黄土岗", "何家湾", "罗店", "梁庄",
        "宋集", "唐湾", "许岗", "韩楼", "冯庄", "邓家", "曹庙", "彭湾", "曾家", "萧岭", "田庄", "董集", "袁店", "潘桥", "蒋湾", "蔡岗", "余庄", "杜集",
        "叶湾", "程店", "魏楼", "苏庄", "吕岗", "丁湾", "沈店", "任集", "姚庄", "卢湾", "傅岭", "钟楼"
    };

    private final OrgUnits units;
    private final OrgTree tree;
    private final OrgUnitRepository repository;
    private final org.dudao.data.DataValues values;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Random random = new Random(2026);
    private int village;
    private String year;
    private String lastYear;

    DemoOrgTree(
            OrgUnits units,
            OrgTree tree,
            OrgUnitRepository repository,
            org.dudao.data.DataValues values,
            TransactionTemplate tx,
            Clock clock) {
        this.units = units;
        this.tree = tree;
        this.repository = repository;
        this.values = values;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (repository.existsByCode(PROVINCE)) {
            return;
        }
        int now = Year.now(clock).getValue();
        year = String.valueOf(now);
        lastYear = String.valueOf(now - 1);
        Access.runAsSystem(() -> tx.executeWithoutResult(s -> seed()));
    }

    private void seed() {
        unit(PROVINCE, "江北省", OrgKind.PROVINCE, null);
        unit("JB01", "临川市", OrgKind.CITY, PROVINCE);
        unit("JB01D", "临川市教育局", OrgKind.DEPARTMENT, "JB01");
        school("JB0190", "临川市第一中学", OrgKind.COMPLETE_SECONDARY, "JB01");
        county(
                "JB0101",
                "青山县",
                OrgKind.COUNTY,
                List.of("城关镇", "清水镇", "白石镇", "柳林乡", "杨庄乡", "石桥镇", "双河镇", "龙泉乡"),
                OrgKind.TOWNSHIP);
        county(
                "JB0102",
                "东湖区",
                OrgKind.DISTRICT,
                List.of("湖滨街道", "东城街道", "新华街道", "南湖街道", "金桥镇", "长岭镇"),
                OrgKind.SUBDISTRICT);
    }

    private void county(String code, String name, OrgKind kind, List<String> townships, OrgKind townKind) {
        unit(code, name, kind, "JB01");
        unit(code + "D", name + "教育局", OrgKind.DEPARTMENT, code);
        school(code + "91", name + "第一中学", OrgKind.COMPLETE_SECONDARY, code);
        school(code + "92", name + "第二高级中学", OrgKind.SENIOR, code);
        school(code + "93", name + "实验小学", OrgKind.PRIMARY, code);
        school(code + "94", name + "实验中学", OrgKind.JUNIOR, code);
        school(code + "95", name + "职业高级中学", OrgKind.VOCATIONAL, code);
        for (int t = 0; t < townships.size(); t++) {
            String town = townships.get(t);
            boolean street = town.endsWith("街道");
            OrgKind k = street ? OrgKind.SUBDISTRICT : townKind == OrgKind.SUBDISTRICT ? OrgKind.TOWNSHIP : townKind;
            String tc = code + String.format("%02d", t + 1);
            unit(tc, town, k, code);
            String base = town.replaceAll("(镇|乡|街道)$", "");
            int n = 0;
            school(tc + String.format("%02d", ++n), base + "中心小学", OrgKind.PRIMARY, tc);
            school(
                    tc + String.format("%02d", ++n),
                    base + (t % 3 == 2 ? "九年一贯制学校" : "初级中学"),
                    t % 3 == 2 ? OrgKind.NINE_YEAR : OrgKind.JUNIOR,
                    tc);
            school(tc + String.format("%02d", ++n), base + "中心幼儿园", OrgKind.KINDERGARTEN, tc);
            int villages = street ? 4 : 5 + random.nextInt(3);
            for (int v = 0; v < villages; v++) {
                school(
                        tc + String.format("%02d", ++n),
                        VILLAGES[village++ % VILLAGES.length] + "小学",
                        OrgKind.PRIMARY,
                        tc);
            }
            if (!street) {
                unit(tc + "C", VILLAGES[village++ % VILLAGES.length] + "村", OrgKind.VILLAGE, tc);
            }
        }
    }

    private void unit(String code, String name, OrgKind kind, String parent) {
        tree.create(new OrgUnitForm(code, name, kind.label(), parent, null, null, null, null, null, null, null));
    }

    private void school(String code, String name, OrgKind kind, String parent) {
        Enrolment now = enrolment(kind);
        String phone = "0" + (700 + random.nextInt(99)) + "-" + (6000000 + random.nextInt(3999999));
        String address = name.substring(0, Math.min(4, name.length())) + "路" + (1 + random.nextInt(200)) + "号";
        tree.create(new OrgUnitForm(code, name, kind.label(), parent, address, null, phone, null, now, year, null));
        if (now != null) {
            // last year's figures a little lower, so forms can prefill and trends show
            OrgUnitRef ref = units.readable(code);
            Integer[] counts = {now.primary(), now.junior(), now.senior()};
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != null) {
                    values.putNumber(
                            ref.id(),
                            ref.path(),
                            lastYear,
                            Enrolments.ITEMS.get(i),
                            java.math.BigDecimal.valueOf(Math.round(counts[i] * 0.95)));
                }
            }
        }
    }

    private Enrolment enrolment(OrgKind kind) {
        return switch (kind) {
            case PRIMARY -> new Enrolment(between(180, 1600), null, null);
            case JUNIOR -> new Enrolment(null, between(300, 1500), null);
            case NINE_YEAR -> new Enrolment(between(200, 800), between(150, 600), null);
            case COMPLETE_SECONDARY -> new Enrolment(null, between(800, 1500), between(600, 1200));
            case SENIOR -> new Enrolment(null, null, between(1500, 3000));
            case VOCATIONAL -> new Enrolment(null, null, between(800, 2000));
            default -> null;
        };
    }

    private int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }
}
