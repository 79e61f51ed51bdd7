package org.dudao.inspection.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.dudao.evaluation.EvaluationStats;
import org.dudao.inspection.BriefingRequest;
import org.dudao.inspection.Briefings;
import org.dudao.inspection.CheckRequest;
import org.dudao.inspection.FindingRequest;
import org.dudao.inspection.InspectorRequest;
import org.dudao.inspection.InspectorView;
import org.dudao.inspection.Inspectors;
import org.dudao.inspection.SpecialInspectionRequest;
import org.dudao.inspection.SpecialInspectionView;
import org.dudao.inspection.SpecialInspections;
import org.dudao.inspection.SupervisionItem;
import org.dudao.inspection.VisitRequest;
import org.dudao.inspection.VisitView;
import org.dudao.inspection.Visits;
import org.dudao.inspection.ZoneRequest;
import org.dudao.inspection.Zones;
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
 * Demo profile only: inspectors of both demo counties (cg_inspector is 孙督学 of 青山县), zones with their
 * assignments (some schools left unassigned for the assignment screen), and a month of visits with findings, one
 * of them opening a rectification item, last month's 督导简报 of 青山县, issued, and one special inspection in
 * each county (青山县's a 回头看 with a failing school).
 */
@Component
@Profile("demo")
@Order(80)
class DemoInspection implements ApplicationRunner {

    private final InspectorRepository repository;
    private final Inspectors inspectors;
    private final Zones zones;
    private final Visits visits;
    private final Briefings briefings;
    private final SpecialInspections special;
    private final SpecialInspectionRepository specialRepository;
    private final EvaluationStats plaqueHolders;
    private final OrgUnits orgUnits;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoInspection(
            InspectorRepository repository,
            Inspectors inspectors,
            Zones zones,
            Visits visits,
            Briefings briefings,
            SpecialInspections special,
            SpecialInspectionRepository specialRepository,
            EvaluationStats plaqueHolders,
            OrgUnits orgUnits,
            TransactionTemplate tx,
            Clock clock) {
        this.repository = repository;
        this.inspectors = inspectors;
        this.zones = zones;
        this.visits = visits;
        this.briefings = briefings;
        this.special = special;
        this.specialRepository = specialRepository;
        this.plaqueHolders = plaqueHolders;
        this.orgUnits = orgUnits;
        this.tx = tx;
        this.clock = clock;
    }

    /** The demo's special inspections, by title: each is seeded once. */
    static final String REVISIT_TITLE = "青山县标准化学校授牌后“回头看”";

    static final String SPECIAL_TITLE = "东湖区湖滨片区课后服务与作业管理专项督查";

    @Override
    public void run(ApplicationArguments args) {
        if (repository.findByUsernameOrderByIdAsc("cg_inspector").isEmpty()) {
            Access.runAsSystem(() -> tx.executeWithoutResult(s -> seed()));
        }
        // seeded apart, so that a database seeded before special inspections existed gets them once too
        Access.runAsSystem(() -> tx.executeWithoutResult(s -> seedSpecial()));
    }

    /**
     * 青山县: a 回头看 of last year's plaque holders, one failing (a 差 on safety opens a rectification item) and
     * one given to an inspector of another zone (交叉督导); 东湖区: a 专项督查 of the schools of one township.
     */
    private void seedSpecial() {
        LocalDate today = LocalDate.now(clock);
        // without last year's plaques (the evaluation demo awarded none) there is nothing to revisit
        if (!specialRepository.existsByTitle(REVISIT_TITLE)
                && !plaqueHolders
                        .plaqueHolders(orgUnits.readable("JB0101").path(), today.getYear() - 1)
                        .isEmpty()) {
            revisit(today);
        }
        if (!specialRepository.existsByTitle(SPECIAL_TITLE)
                && !schools("JB010201").isEmpty()) {
            special.launch(new SpecialInspectionRequest(
                    "SPECIAL",
                    SPECIAL_TITLE,
                    "JB0102",
                    null,
                    null,
                    List.of("WORKLOAD", "CURRICULUM", "SAFETY", "FOOD"),
                    today.plusDays(30).toString(),
                    null,
                    List.of("JB010201"),
                    null));
        }
    }

    private void revisit(LocalDate today) {
        SpecialInspectionView revisit = special.launch(new SpecialInspectionRequest(
                "REVISIT",
                REVISIT_TITLE,
                "JB0101",
                null,
                null,
                null,
                today.plusDays(20).toString(),
                null,
                null,
                today.getYear() - 1));
        List<SpecialInspectionView.Check> checks = revisit.checks();
        if (!checks.isEmpty()) {
            List<CheckRequest.Result> results = new ArrayList<>();
            for (SupervisionItem item : SupervisionItem.values()) {
                results.add(
                        item == SupervisionItem.SAFETY
                                ? new CheckRequest.Result(item.name(), "差", null, "教学楼消防通道堆放体育器材，应急照明损坏", null)
                                : new CheckRequest.Result(item.name(), "好", null, null, null));
            }
            special.record(
                    revisit.id(),
                    checks.get(0).school(),
                    new CheckRequest(
                            results, "校园安全未达到标准化学校要求", true, today.plusDays(15).toString()));
        }
        if (checks.size() > 1) {
            Long responsible = checks.get(1).inspector();
            String county = orgUnits.readable("JB0101").path();
            repository.findAll().stream()
                    .filter(i -> i.getOfficePath().startsWith(county))
                    .filter(i -> !i.getId().equals(responsible))
                    .findFirst()
                    .ifPresent(i -> special.assign(revisit.id(), checks.get(1).school(), i.getId()));
        }
    }

    private void seed() {
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        InspectorView sun = inspector("孙督学", "cg_inspector", "JB0101", "FULL_TIME", false, today.plusYears(2), year);
        List<Long> qs = new ArrayList<>(List.of(sun.id()));
        qs.add(inspector("郑督学", null, "JB0101", "FULL_TIME", true, today.plusYears(3), year)
                .id());
        qs.add(inspector("周督学", null, "JB0101", "PART_TIME", false, today.plusYears(1), year)
                .id());
        qs.add(inspector("吴督学", null, "JB0101", "PART_TIME", false, today.minusMonths(2), year)
                .id());
        List<Long> dh = new ArrayList<>();
        dh.add(inspector("陈督学", null, "JB0102", "FULL_TIME", true, today.plusYears(2), year)
                .id());
        dh.add(inspector("褚督学", null, "JB0102", "PART_TIME", false, today.plusYears(2), year)
                .id());
        dh.add(inspector("卫督学", null, "JB0102", "PART_TIME", false, today.plusYears(2), year)
                .id());

        List<String> chengguan = schools("JB010101");
        // 孙督学 covers five schools of 城关镇; the suggestion spreads the rest
        List<ZoneRequest.AssignmentRequest> fixed = chengguan.stream()
                .limit(5)
                .map(c -> new ZoneRequest.AssignmentRequest(c, sun.id()))
                .toList();
        zone("QS-Z01", "青山县城关责任区", "JB0101", qs.get(1), first20(chengguan, schools("JB010102")), fixed);
        zone("QS-Z02", "青山县白石责任区", "JB0101", qs.get(2), first20(schools("JB010103"), schools("JB010104")), null);
        zone("DH-Z01", "东湖区湖滨责任区", "JB0102", dh.get(0), first20(schools("JB010201"), schools("JB010202")), null);

        YearMonth month = YearMonth.from(today);
        for (int i = 0; i < 5 && i < chengguan.size(); i++) {
            LocalDate day = month.minusMonths(1).atDay(3 + i * 4);
            VisitView v = visit(chengguan.get(i), sun.id(), day, "月度常规督导");
            visits.checkIn(v.id());
            visits.addFinding(v.id(), new FindingRequest("MANAGEMENT", "校务公开栏内容及时更新", "好", null, false, null, null));
            visits.addFinding(v.id(), new FindingRequest("WORKLOAD", "作业公示制度落实", "较好", null, false, null, null));
            visits.report(v.id(), "学校各项工作运转正常。", "继续保持，注意作业总量控制。");
        }
        if (chengguan.size() > 2) {
            VisitView v = visit(
                    chengguan.get(2), sun.id(), today.minusDays(Math.min(5, today.getDayOfMonth() - 1)), "安全专项督导");
            visits.checkIn(v.id());
            visits.addFinding(
                    v.id(),
                    new FindingRequest(
                            "SAFETY",
                            "消防通道堆放杂物",
                            "差",
                            null,
                            true,
                            "一周内清理消防通道并建立巡查台账",
                            today.plusDays(30).toString()));
            visits.addFinding(v.id(), new FindingRequest("FOOD", "食堂留样记录完整", "好", null, false, null, null));
            visits.report(v.id(), "发现消防通道堵塞问题，已责令整改。", "请按期完成整改并上传佐证。");
        }
        visit(chengguan.get(0), sun.id(), month.atEndOfMonth(), "课后服务情况督导");
        var briefing = briefings.create(
                new BriefingRequest(
                        "JB0101",
                        "青山县" + month.minusMonths(1).getMonthValue() + "月份责任督学挂牌督导工作情况",
                        month.minusMonths(1).atDay(1).toString(),
                        month.minusMonths(1).atEndOfMonth().toString(),
                        null,
                        null,
                        null),
                java.util.Locale.SIMPLIFIED_CHINESE);
        briefings.issue(briefing.id());
    }

    private InspectorView inspector(
            String name, String username, String office, String kind, boolean chief, LocalDate expires, int year) {
        return inspectors.create(new InspectorRequest(
                name,
                username,
                kind,
                "DX" + year + "-" + Math.abs(name.hashCode() % 10000),
                expires.toString(),
                4,
                (year - 2) + "-01-01",
                (year + 1) + "-12-31",
                "139" + String.format("%08d", Math.abs(name.hashCode() % 100000000)),
                office,
                chief,
                null));
    }

    private void zone(
            String code,
            String name,
            String county,
            Long lead,
            List<String> schools,
            List<ZoneRequest.AssignmentRequest> assignments) {
        zones.create(new ZoneRequest(code, name, county, lead, schools, assignments, null));
        zones.suggest(code);
    }

    private VisitView visit(String school, Long inspector, LocalDate day, String purpose) {
        return visits.plan(new VisitRequest(school, inspector, day.toString(), purpose, "孙督学、郑督学", null));
    }

    private List<String> schools(String township) {
        return orgUnits.subtree(township).stream()
                .filter(u -> u.kind().isSchool())
                .map(OrgUnitRef::code)
                .toList();
    }

    private static List<String> first20(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.subList(0, Math.min(20, all.size()));
    }
}
