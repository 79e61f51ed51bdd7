package org.dudao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.dudao.data.DataValues;
import org.dudao.evaluation.EvaluationFixtures;
import org.dudao.inspection.internal.BriefingNumbers;
import org.dudao.org.OrgUnits;
import org.dudao.shared.ChangeClock;
import org.dudao.shared.IssuingOffices;
import org.dudao.support.Api;
import org.dudao.support.ClusterNode;
import org.dudao.support.DudaoTest;
import org.dudao.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two more nodes on this test's database (issue 17): the dashboard cached on one node shows a transition made on
 * the other at once, 文号 and briefing numbers stay gapless under 2 × 20 concurrent issues, and evidence uploaded
 * on one node downloads on the other from the shared directory.
 */
@DudaoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterNodesTest {

    static final String SCHOOL = "T-CLU-S1";
    static final String PROJECT = "T-CLU-P";
    static final String DASHBOARD = "/api/reports/dashboard?orgUnit=JB0101&project=" + PROJECT;
    static final String DRAFTS = "$.states[?(@.state == 'SELF_DRAFT')].count";

    @Autowired
    Environment environment;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    Path evidence;
    ConfigurableApplicationContext one;
    ConfigurableApplicationContext two;

    @BeforeAll
    void nodes() throws Exception {
        evidence = Files.createTempDirectory("dudao-shared-evidence");
        one = ClusterNode.start(environment, new Class<?>[0], "--dudao.evidence.dir=" + evidence);
        two = ClusterNode.start(environment, new Class<?>[0], "--dudao.evidence.dir=" + evidence);
        if (jdbc.queryForObject("select count(*) from org_unit where code = ?", Integer.class, SCHOOL) == 0) {
            EvaluationFixtures fixtures = new EvaluationFixtures(new Api(mvc), orgUnits, values);
            fixtures.passingPrimary(SCHOOL, "集群测试小学");
            fixtures.project(PROJECT, "2099-12-31", 0, SCHOOL);
        }
    }

    @AfterAll
    void stop() {
        two.close();
        one.close();
    }

    @Test
    void aTransitionOnOneNodeShowsInTheNextDashboardOnEitherNode() throws Exception {
        Api a = ClusterNode.api(one);
        Api b = ClusterNode.api(two);
        Api here = new Api(mvc);
        int before = drafts(b);
        assertThat(drafts(b)).isEqualTo(before); // remembered by node two now
        assertThat(drafts(here)).isEqualTo(before);

        a.post(
                        EvaluationFixtures.head(SCHOOL),
                        "/api/projects/" + PROJECT + "/evaluations/" + SCHOOL + "/transitions",
                        EvaluationFixtures.transition("submit", null))
                .andExpect(status().isOk());

        assertThat(drafts(b)).isEqualTo(before - 1);
        assertThat(drafts(a)).isEqualTo(before - 1);
        assertThat(drafts(here)).isEqualTo(before - 1);
    }

    @Test
    void theDashboardIsRememberedUntilTheChangeClockMoves() throws Exception {
        Api b = ClusterNode.api(two);
        String where = "project_id = (select id from eval_project where code = ?)"
                + " and org_unit_id = (select id from org_unit where code = ?)";
        String state =
                jdbc.queryForObject("select state from evaluation where " + where, String.class, PROJECT, SCHOOL);
        String other = state.equals("SELF_DRAFT") ? "SELF_SIGNED" : "SELF_DRAFT";
        int drafts = drafts(b);
        int moved = drafts + (other.equals("SELF_DRAFT") ? 1 : -1);
        TransactionTemplate tx = new TransactionTemplate(two.getBean(PlatformTransactionManager.class));
        ChangeClock clock = two.getBean(ChangeClock.class);
        // a write past the clock (the application never does that) stays unseen while the clock stands still
        jdbc.update("update evaluation set state = ? where " + where, other, PROJECT, SCHOOL);
        try {
            assertThat(drafts(b)).isEqualTo(drafts);
            tx.executeWithoutResult(s -> clock.bump("evaluation"));
            assertThat(drafts(b)).isEqualTo(moved);
        } finally {
            jdbc.update("update evaluation set state = ? where " + where, state, PROJECT, SCHOOL);
            tx.executeWithoutResult(s -> clock.bump("evaluation"));
        }
        assertThat(drafts(b)).isEqualTo(drafts);
    }

    @Test
    void documentNumbersStayGaplessWithTwoNodesTimesTwenty() throws Exception {
        int year = TestClock.year();
        int issued = counted("T-CLU-OFFICE", year);
        List<Integer> numbers = issue(node -> {
            String n = node.getBean(IssuingOffices.class).nextNumber("T-CLU-OFFICE", "集群县", year);
            return Integer.valueOf(n.substring(n.indexOf('〕') + 1, n.indexOf('号')));
        });
        assertThat(numbers).containsExactlyElementsOf(expected(issued, numbers.size()));
        int briefed = counted("BRIEF:T-CLU-OFFICE", year);
        List<Integer> briefings =
                issue(node -> node.getBean(BriefingNumbers.class).next("T-CLU-OFFICE", year));
        assertThat(briefings).containsExactlyElementsOf(expected(briefed, briefings.size()));
    }

    @Test
    void evidenceUploadedOnOneNodeDownloadsOnTheOther() throws Exception {
        byte[] png = EvaluationFixtures.png();
        String json = ClusterNode.api(one)
                .upload("school_clerk", "/api/evidence", "集群.png", png, "orgUnit", "JB01010101")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Number id = JsonPath.read(json, "$.id");
        byte[] downloaded = ClusterNode.api(two)
                .get("school_clerk", "/api/evidence/" + id)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        assertThat(sha.digest(downloaded))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(png));
        assertThat(JsonPath.<String>read(json, "$.sha256"))
                .isEqualTo(java.util.HexFormat.of().formatHex(sha.digest(downloaded)));
        try (var files = Files.walk(evidence)) {
            assertThat(files.filter(Files::isRegularFile).count()).isGreaterThan(0);
        }
    }

    /**
     * 20 threads on each node issue a number in a transaction of their own, together; every fourth rolls back
     * after taking its number (a document that failed to save). Returns the numbers of the committed ones, sorted.
     */
    private List<Integer> issue(Function<ConfigurableApplicationContext, Integer> next) throws Exception {
        int perNode = 20;
        CyclicBarrier together = new CyclicBarrier(2 * perNode);
        ConcurrentLinkedQueue<Integer> committed = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(2 * perNode);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2 * perNode; i++) {
                ConfigurableApplicationContext node = i % 2 == 0 ? one : two;
                boolean fails = i % 4 == 3;
                TransactionTemplate tx = new TransactionTemplate(node.getBean(PlatformTransactionManager.class));
                runs.add(pool.submit(() -> {
                    together.await();
                    try {
                        Integer n = tx.execute(s -> {
                            Integer taken = next.apply(node);
                            if (fails) {
                                throw new IllegalStateException("not saved");
                            }
                            return taken;
                        });
                        committed.add(n);
                    } catch (IllegalStateException e) {
                        if (!fails) {
                            throw e;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(committed).hasSize(2 * perNode - 2 * perNode / 4);
        return committed.stream().sorted().toList();
    }

    /** The numbers after {@code issued}, without a gap. */
    private static List<Integer> expected(int issued, int n) {
        return IntStream.rangeClosed(issued + 1, issued + n).boxed().toList();
    }

    private int counted(String counter, int year) {
        return jdbc.queryForObject(
                "select coalesce(max(last_number), 0) from document_number where office = ? and doc_year = ?",
                Integer.class,
                counter,
                year);
    }

    private static int drafts(Api api) throws Exception {
        String json = api.get("admin", DASHBOARD)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Number> counts = JsonPath.read(json, DRAFTS);
        return counts.get(0).intValue();
    }

    private static long files(Api api) throws Exception {
        String json = api.get("admin", DASHBOARD)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(json, "$.files")).longValue();
    }
}
