package org.dudao.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.dudao.calendar.WorkingDays;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo cases ({@code dudao.demo.cases}, a few hundred) over the schools of the two demo counties, taken in over the
 * last five months through every channel, most of them closed (some late, some called back unsatisfied), the rest
 * at every step, some overdue. Idempotent: only when no demo case exists. Same seed, same cases.
 */
@Component
@Profile("demo")
@Order(80)
class DemoCases implements ApplicationRunner {

    static final String DEMO = "demo";
    private static final String[] PROBLEMS = {
        "食堂饭菜分量不足，价格偏高",
        "校门口上下学时段交通拥堵",
        "课后服务收费不透明",
        "作业量过大，学生睡眠不足",
        "教室照明不达标",
        "校车超载",
        "教师有偿补课",
        "学校厕所卫生差",
        "招生片区划分咨询",
        "转学手续咨询",
        "操场塑胶跑道有异味",
        "放学后拖堂",
        "校服强制购买",
        "周末组织补课"
    };
    private static final String[] PLACES = {"校门口", "学校食堂", "教学楼", "操场", "宿舍", "校车停靠点"};

    private final CaseRepository cases;
    private final CaseEventRepository events;
    private final OrgUnits orgUnits;
    private final WorkingDays workingDays;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int count;

    DemoCases(
            CaseRepository cases,
            CaseEventRepository events,
            OrgUnits orgUnits,
            WorkingDays workingDays,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${dudao.demo.cases:300}") int count) {
        this.cases = cases;
        this.events = events;
        this.orgUnits = orgUnits;
        this.workingDays = workingDays;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.count = count;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.queryForObject("select count(*) from case_file where created_by = ?", Integer.class, DEMO) > 0) {
            return;
        }
        Access.runAsSystem(() -> tx.executeWithoutResult(s -> seed()));
    }

    private void seed() {
        List<OrgUnitRef> schools = java.util.stream.Stream.of("JB0101", "JB0102")
                .flatMap(county -> orgUnits.subtree(county).stream())
                .filter(u -> u.kind().isSchool())
                .toList();
        if (schools.isEmpty()) return;
        List<CategoryView> categories = jdbc.query(
                "select code, name, time_limit from case_category order by sort_order",
                (rs, i) -> new CategoryView(rs.getString(1), rs.getString(2), rs.getInt(3)));
        Random random = new Random(15);
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        Channel[] channels = Channel.values();
        for (int i = 0; i < count; i++) {
            OrgUnitRef unit = schools.get(random.nextInt(schools.size()));
            CategoryView category = categories.get(random.nextInt(categories.size()));
            LocalDate day = today.minusDays(random.nextInt(150));
            Instant at = day.atTime(8 + random.nextInt(9), random.nextInt(60))
                    .atZone(zone)
                    .toInstant();
            WorkingDays.Deadline due = workingDays.deadline(day, category.timeLimit());
            boolean anonymous = random.nextInt(6) == 0;
            Case c = cases.save(new Case(
                    channels[random.nextInt(channels.length)].name(),
                    category.code(),
                    PROBLEMS[random.nextInt(PROBLEMS.length)],
                    new Case.Reporter("市民" + (char) ('甲' + random.nextInt(10)), "1380000" + (1000 + i), anonymous),
                    new Case.Location(unit.name() + PLACES[random.nextInt(PLACES.length)], null, null),
                    null,
                    unit.id(),
                    unit.path(),
                    at,
                    day,
                    due.due(),
                    due.calendarMissing(),
                    DEMO));
            event(c, "intake", null, unit.id(), null, at);
            advance(c, unit, random, today, at);
        }
    }

    /** Moves a case on as far as its age and chance say: older cases are mostly closed, a few late. */
    private void advance(Case c, OrgUnitRef unit, Random random, LocalDate today, Instant at) {
        long age = java.time.temporal.ChronoUnit.DAYS.between(c.getReceivedOn(), today);
        int steps = age > 30 ? (random.nextInt(10) < 8 ? 6 : random.nextInt(6)) : random.nextInt(7);
        Instant t = at;
        for (int step = 1; step <= steps; step++) {
            t = t.plusSeconds(3600L * 24 * (1 + random.nextInt(Math.max(1, (int) Math.min(age, 20)))) / 2);
            if (t.isAfter(Instant.now(clock))) t = Instant.now(clock);
            String from = c.getStatus().name();
            switch (step) {
                case 1 -> c.assign(unit.id(), unit.path());
                case 2 -> c.answer("已核实并整改，情况已向反映人说明", null);
                case 3 -> c.verify();
                case 4 -> {
                    if (c.isAnonymous()) continue;
                    c.callback(random.nextInt(8) > 0);
                }
                case 5 -> c.close(LocalDate.ofInstant(t, clock.getZone()));
                default -> {
                    return;
                }
            }
            event(
                    c,
                    new String[] {"", "assign", "answer", "verify", "callback", "close"}[step],
                    from,
                    step == 1 ? unit.id() : null,
                    null,
                    t);
        }
    }

    private void event(Case c, String action, String from, Long unitId, String note, Instant at) {
        events.save(new CaseEvent(c.getId(), action, from, c.getStatus().name(), unitId, note, DEMO, at));
    }
}
