package org.dudao.rectification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.rectification.internal.EscalationLevel.CRITICISM;
import static org.dudao.rectification.internal.EscalationLevel.INTERVIEW;
import static org.dudao.rectification.internal.EscalationLevel.REMINDER;
import static org.dudao.rectification.internal.EscalationLevel.SUPERVISED;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dudao.org.OrgTree;
import org.dudao.org.OrgUnitForm;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.dudao.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The escalation ladder on the database (H2 or PostgreSQL): levels by days overdue, idempotent runs, concurrent
 * runs, closed items, and the scope of the manual run and of the listing. The clock-driven runs use deadlines of
 * long ago in a county of their own, so they touch only this class's items.
 */
@DudaoTest
class EscalationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A county of this test's own under the city: no county director's manual run reaches it. */
    private static final String COUNTY = "ESCX";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    OrgTree orgTree;

    @Autowired
    RectificationRepository items;

    @Autowired
    EscalationRepository escalations;

    @Autowired
    Escalations service;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    UserDetailsService users;

    @Test
    void anItemReachesEveryLevelDueByItsDaysOverdue() throws Exception {
        LocalDate today = LocalDate.of(2001, 6, 1);
        OrgUnitRef school = school(COUNTY, "ESCA01");
        Long onDeadline = item(school, "A0", today);
        Long d1 = item(school, "A1", today.minusDays(1));
        Long d29 = item(school, "A29", today.minusDays(29));
        Long d30 = item(school, "A30", today.minusDays(30));
        Long d59 = item(school, "A59", today.minusDays(59));
        Long d60 = item(school, "A60", today.minusDays(60));
        Long d90 = item(school, "A90", today.minusDays(90));
        Long noPlan = item(school, "AN", null);
        Long closed = closed(item(school, "AC", today.minusDays(100)));

        Escalations.Run run = service.escalateUnder(township(school), at(today));

        assertThat(run.overdue()).isEqualTo(6);
        assertThat(run.escalated()).isEqualTo(1 + 1 + 2 + 2 + 3 + 4);
        assertThat(run.byLevel())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("REMINDER", 6, "CRITICISM", 4, "SUPERVISED", 2, "INTERVIEW", 1));
        assertThat(levels(onDeadline)).isEmpty();
        assertThat(levels(d1)).containsExactly(REMINDER);
        assertThat(levels(d29)).containsExactly(REMINDER);
        assertThat(levels(d30)).containsExactly(REMINDER, CRITICISM);
        assertThat(levels(d59)).containsExactly(REMINDER, CRITICISM);
        assertThat(levels(d60)).containsExactly(REMINDER, CRITICISM, SUPERVISED);
        assertThat(levels(d90)).containsExactly(REMINDER, CRITICISM, SUPERVISED, INTERVIEW);
        assertThat(levels(noPlan)).isEmpty();
        assertThat(levels(closed)).as("closed items never escalate").isEmpty();

        // the item view shows the highest level and every level passed, with the days overdue
        new Api(mvc)
                .get("city_director", "/api/rectifications/" + d90)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overdue").value(true))
                .andExpect(jsonPath("$.escalation").value("INTERVIEW"))
                .andExpect(jsonPath("$.escalations[0].level").value("REMINDER"))
                .andExpect(jsonPath("$.escalations[3].level").value("INTERVIEW"))
                .andExpect(jsonPath("$.escalations[3].daysOverdue").value(90));
        new Api(mvc)
                .get("city_director", "/api/rectifications/" + d1)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.escalation").value("REMINDER"));
        new Api(mvc)
                .get("city_director", "/api/rectifications/" + onDeadline)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.escalation").isEmpty());
    }

    @Test
    void theSchedulerRunIsIdempotentAndAnItemClosedLateKeepsItsLevels() {
        LocalDate today = LocalDate.of(1995, 3, 1);
        OrgUnitRef school = school(COUNTY, "ESCB01");
        Long late = item(school, "B40", today.minusDays(40));
        Long recent = item(school, "B10", today.minusDays(10));
        Long closed = closed(item(school, "BC", today.minusDays(50)));
        int audits = audits(school);

        Escalations.Run first = service.escalateOverdue(at(today));
        assertThat(levels(late)).containsExactly(REMINDER, CRITICISM);
        assertThat(levels(recent)).containsExactly(REMINDER);
        assertThat(levels(closed)).isEmpty();
        assertThat(first.escalated()).isGreaterThanOrEqualTo(3);
        assertThat(audits(school)).as("each escalation audited").isEqualTo(audits + 3);

        Escalations.Run second = service.escalateOverdue(at(today));
        assertThat(second.escalated()).as("run twice: nothing new").isZero();
        assertThat(escalations.findByItemIdOrderByIdAsc(late)).hasSize(2);
        assertThat(audits(school)).isEqualTo(audits + 3);

        // closed late: no new level, the history stays; the other one goes on climbing
        closed(late);
        service.escalateOverdue(at(today.plusDays(60)));
        assertThat(levels(late)).containsExactly(REMINDER, CRITICISM);
        assertThat(levels(recent)).containsExactly(REMINDER, CRITICISM, SUPERVISED);
        assertThat(escalations.findByItemIdOrderByIdAsc(recent).get(2).getDaysOverdue())
                .isEqualTo(70);
    }

    @Test
    void concurrentRunsRecordEachLevelOnce() throws Exception {
        LocalDate today = LocalDate.of(2005, 5, 1);
        OrgUnitRef school = school(COUNTY, "ESCC01");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(item(school, "C" + i, today.minusDays(95)));
        }
        int audits = audits(school);
        int nodes = 4;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Escalations.Run>> runs = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return service.escalateUnder(township(school), at(today));
                }));
            }
            go.countDown();
            int recorded = 0;
            for (Future<Escalations.Run> run : runs) {
                recorded += run.get(60, TimeUnit.SECONDS).escalated();
            }
            assertThat(recorded)
                    .as("each level counted by the run that recorded it")
                    .isEqualTo(20 * 4);
        } finally {
            pool.shutdownNow();
        }
        for (Long id : ids) {
            assertThat(levels(id)).containsExactly(REMINDER, CRITICISM, SUPERVISED, INTERVIEW);
        }
        assertThat(audits(school))
                .as("refused escalations leave no audit entry")
                .isEqualTo(audits + 20 * 4);
    }

    @Test
    void aLevelRecordedByAnotherNodeMeanwhileIsSkippedAndTheRunMovesOn() throws Exception {
        LocalDate today = LocalDate.of(2006, 5, 1);
        OrgUnitRef school = school(COUNTY, "ESCD01");
        Long id = item(school, "D40", today.minusDays(40));
        Long other = item(school, "D10", today.minusDays(10));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Escalations.Run>[] run = new Future[1];
            // "another node" inserts the same level and holds it uncommitted while our run reaches the item
            new TransactionTemplate(transactions).executeWithoutResult(s -> {
                jdbc.update(
                        "insert into rectification_escalation (item_id, escalation_level, days_overdue, at)"
                                + " values (?, 'REMINDER', 40, ?)",
                        id,
                        Timestamp.from(TestClock.now()));
                run[0] = pool.submit(() -> service.escalateUnder(township(school), at(today)));
                waitUntilOurRowBlocksTheRun();
            });
            Escalations.Run done = run[0].get(60, TimeUnit.SECONDS);
            assertThat(done.overdue()).isEqualTo(2);
            assertThat(done.escalated()).as("only the other item's level").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(levels(id)).as("the refused item's transaction left nothing").containsExactly(REMINDER);
        assertThat(levels(other)).containsExactly(REMINDER);
        // the next run completes the ladder
        assertThat(service.escalateUnder(township(school), at(today)).escalated())
                .isEqualTo(1);
        assertThat(levels(id)).containsExactly(REMINDER, CRITICISM);
    }

    @Test
    void theManualRunAndTheListingStayInTheCallersSubtree() throws Exception {
        Api api = new Api(mvc);
        LocalDate deadline = TestClock.today().minusDays(40);
        OrgUnitRef own = school("JB0101", "ESCQ01");
        OrgUnitRef foreign = school("JB0102", "ESCH01");
        Long mine = item(own, "Q40", deadline);
        Long theirs = item(foreign, "H40", deadline);
        api.post("admin", "/api/users", """
                {"username":"esc_clerk","displayName":"升级测试填报员","password":"%s","mustChangePassword":false,
                 "grants":[{"role":"CLERK","orgUnit":"ESCQ01"}]}""".formatted(Api.PASSWORD)).andExpect(status().isCreated());

        for (String notAllowed : List.of("school_clerk", "esc_clerk", "city_leader", "qs_expert")) {
            api.post(notAllowed, "/api/rectifications/escalations/run", null).andExpect(status().isForbidden());
        }
        assertThat(levels(mine)).isEmpty();
        api.post("qs_director", "/api/rectifications/escalations/run", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.escalated").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
        assertThat(levels(mine)).containsExactly(REMINDER, CRITICISM);
        assertThat(levels(theirs))
                .as("another county's item is not the caller's to escalate")
                .isEmpty();

        // the filter by level, within the caller's scope
        String qs = api.get("qs_director", "/api/rectifications?escalation=CRITICISM")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(qs, "$[*].id"))
                .contains(mine.intValue())
                .doesNotContain(theirs.intValue());
        assertThat(JsonPath.<List<String>>read(qs, "$[*].escalation")).containsOnly("CRITICISM");
        String interview = api.get("qs_director", "/api/rectifications?escalation=interview")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(interview, "$[*].id")).doesNotContain(mine.intValue());
        api.get("qs_director", "/api/rectifications?escalation=WARNING")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("escalation"));

        api.post("dh_director", "/api/rectifications/escalations/run", null).andExpect(status().isOk());
        assertThat(levels(theirs)).containsExactly(REMINDER, CRITICISM);
        String dh = api.get("dh_director", "/api/rectifications?escalation=CRITICISM")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(dh, "$[*].id"))
                .contains(theirs.intValue())
                .doesNotContain(mine.intValue());
        assertThat(escalations.findByItemIdOrderByIdAsc(mine)).hasSize(2);

        // the unit sees the reminder and the level on its rectification page, and the history on the item's page
        String page = mvc.perform(get("/rectification").with(user(users.loadUserByUsername("esc_clerk"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"reminder\"")
                .contains("催办提醒")
                .contains("通报批评")
                .doesNotContain("id=\"escalate-now\"");
        String detail = mvc.perform(get("/rectification/" + mine).with(user(users.loadUserByUsername("esc_clerk"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(detail).contains("id=\"escalation-table\"").contains("提醒").contains("通报批评");
        String filtered = mvc.perform(
                        get("/rectification?escalation=REMINDER").with(user(users.loadUserByUsername("qs_director"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(filtered).contains("id=\"escalate-now\"").doesNotContain("id=\"item-" + mine + "\"");
        // its project "T-ESC" does not exist: the office is offered no notice it could not issue
        String ownDetail = mvc.perform(
                        get("/rectification/" + mine).with(user(users.loadUserByUsername("qs_director"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(ownDetail).doesNotContain("id=\"notice-issue\"");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static Clock at(LocalDate day) {
        return Clock.fixed(day.atTime(2, 0).atZone(ZONE).toInstant(), ZONE);
    }

    /** A school under a township of its own (code + "T") in {@code county}; this test's county is made once. */
    private OrgUnitRef school(String county, String code) {
        OrgUnitRef[] school = new OrgUnitRef[1];
        Access.runAsSystem(() -> {
            if (county.equals(COUNTY)
                    && orgUnits.readableByCode(List.of(COUNTY)).isEmpty()) {
                orgTree.create(form(COUNTY, "升级测试县", "县", "JB01"));
            }
            orgTree.create(form(code + "T", "升级测试镇" + code, "乡镇", county));
            orgTree.create(form(code, "升级测试学校" + code, "小学", code + "T"));
            school[0] = orgUnits.readable(code);
        });
        return school[0];
    }

    private String township(OrgUnitRef school) {
        return school.path()
                .substring(0, school.path().lastIndexOf('/', school.path().length() - 2) + 1);
    }

    /** An item of the school, with a plan due on {@code deadline} (null: no plan yet). */
    private Long item(OrgUnitRef school, String code, LocalDate deadline) {
        Rectification r = new Rectification(
                Rectification.EVALUATION,
                "T-ESC",
                school.id(),
                school.path(),
                code,
                "升级测试问题 " + code,
                "按标准补足",
                5.0,
                TestClock.now());
        if (deadline != null) {
            r.plan("整改方案", deadline, TestClock.now());
        }
        return items.saveAndFlush(r).getId();
    }

    private Long closed(Long id) {
        Rectification r = items.findById(id).orElseThrow();
        r.report("已完成", null, TestClock.now());
        r.close("核查属实", TestClock.now());
        items.saveAndFlush(r);
        return id;
    }

    private List<EscalationLevel> levels(Long id) {
        return escalations.findByItemIdOrderByIdAsc(id).stream()
                .map(Escalation::getLevel)
                .sorted()
                .toList();
    }

    private int audits(OrgUnitRef school) {
        return jdbc.queryForObject(
                "select count(*) from audit_log where entity_type = 'RectificationEscalation'" + " and scope_path = ?",
                Integer.class,
                school.path());
    }

    private static OrgUnitForm form(String code, String name, String kind, String parent) {
        return new OrgUnitForm(code, name, kind, parent, null, null, null, null, null, null, null);
    }

    /**
     * Until the run waits for this transaction's uncommitted row, asked on this transaction's own connection:
     * PostgreSQL names our backend among the waiting one's blockers (pg_blocking_pids); H2 names no blocker for a
     * key lock, so there it is another session still executing its insert of a level while our level of the same
     * item is uncommitted. Fails when the run has not blocked within ten seconds, since the test would then prove
     * nothing about a level recorded meanwhile.
     */
    private void waitUntilOurRowBlocksTheRun() {
        boolean postgres = jdbc.execute(
                        (java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())
                .startsWith("PostgreSQL");
        String sql = postgres
                ? "select count(*) from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))"
                : "select count(*) from information_schema.sessions where session_id <> session_id()"
                        + " and lower(executing_statement) like 'insert into rectification_escalation%'";
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (jdbc.queryForObject(sql, Integer.class) == 0) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the escalation run did not wait for our uncommitted level within 10 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the run to block", e);
            }
        }
    }
}
