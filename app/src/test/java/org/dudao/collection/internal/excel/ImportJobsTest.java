package org.dudao.collection.internal.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.collection.CollectionTestItems;
import org.dudao.collection.internal.ImportLimits;
import org.dudao.collection.internal.ValueBatches;
import org.dudao.shared.NotFoundException;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.dudao.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Import jobs live in the database: a node that did not run the job answers for it, a job whose node died is
 * reported as failed, and only its owner sees it.
 */
@DudaoTest
class ImportJobsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ExcelImport importer;

    @Autowired
    MessageSource messages;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ObjectMapper json;

    @Autowired
    Clock clock;

    @Autowired
    UserDetailsService users;

    @Autowired
    ImportGate gate;

    Api api;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        CollectionTestItems.ensure(api);
    }

    /** Another node: a fresh instance that holds nothing in memory. */
    private ImportJobs otherNode() {
        return new ImportJobs(importer, messages, jdbc, transactions, json, clock, gate);
    }

    private <T> T as(String username, Supplier<T> work) {
        UserDetails u = users.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void insert(String id, String owner, String phase, Instant updated, Instant finished) {
        jdbc.update(
                "insert into import_job (id, owner, dry_run, phase, rows_read, total_rows, started_at,"
                        + " updated_at, finished_at) values (?, ?, false, ?, 500, 2000, ?, ?, ?)",
                id,
                owner,
                phase,
                utc(updated.minusSeconds(5)),
                utc(updated),
                finished == null ? null : utc(finished));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Test
    void aFinishedJobIsServedFromTheDatabaseByAnyNode() throws Exception {
        byte[] file = api.get(
                        "qs_director",
                        "/api/data-values/export?orgUnit=JB010106&period=2046&items=t_students&subtree=true")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        byte[] bad;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            Row row = sheet.getRow(2);
            row.createCell(2).setCellValue(-7);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            bad = out.toByteArray();
        }
        String id = JsonPath.read(
                api.upload("qs_director", "/api/data-values/import-jobs", "bad.xlsx", bad)
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        ImportJobs nodeB = otherNode();
        ImportJobs.Job job = null;
        for (int i = 0; i < 100 && (job == null || !job.isDone()); i++) {
            Thread.sleep(100);
            job = as("qs_director", () -> nodeB.get(id));
        }
        assertThat(job.isDone()).isTrue();
        assertThat(job.getPhase()).isEqualTo("DONE");
        assertThat(job.getPercent()).isEqualTo(100);
        assertThat(job.getFailure()).isNull();
        ExcelImport.Report report = job.getReport();
        assertThat(report.period()).isEqualTo("2046");
        assertThat(report.kinds()).containsExactly(ValueBatches.Kind.INVALID);
        assertThat(report.rejected()).hasSize(1);
        assertThat(report.rejected().get(0).column()).isEqualTo("C 测试在校生数");
        assertThat(report.rejected().get(0).reason()).contains("0 到");
        assertThat(jdbc.queryForObject("select period from import_job where id = ?", String.class, id))
                .isEqualTo("2046");
        // the request node's own bean answers the same from the row
        api.get("qs_director", "/api/data-values/import-jobs/" + id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phase").value("DONE"))
                .andExpect(jsonPath("$.report.rejected[0].reason", containsString("0 到")));
        // nobody else sees it, on any node, through any door
        assertThatThrownBy(() -> as("dh_director", () -> nodeB.get(id))).isInstanceOf(NotFoundException.class);
        api.get("dh_director", "/api/data-values/import-jobs/" + id).andExpect(status().isNotFound());
        api.get("dh_director", "/api/data-values/import-jobs/" + id + "/errors.xlsx")
                .andExpect(status().isNotFound());
        mvc.perform(get("/collection/import/" + id + "/status").with(user(users.loadUserByUsername("dh_director"))))
                .andExpect(status().isNotFound());
    }

    /** A reader that dies (here of memory) ends its job as FAILED with a message, never stuck at READING. */
    @Test
    void aJobWhoseReaderDiesEndsFailedWithAMessage() throws Exception {
        for (Throwable death : List.of(new OutOfMemoryError("test"), new IllegalStateException("test"))) {
            ExcelImport dying = new ExcelImport(null, null, messages, ImportLimits.defaults()) {
                @Override
                public Report importFile(java.nio.file.Path file, String period, boolean dryRun, Listener listener) {
                    listener.phase("READING");
                    if (death instanceof Error e) {
                        throw e;
                    }
                    throw (RuntimeException) death;
                }
            };
            ImportJobs node = new ImportJobs(dying, messages, jdbc, transactions, json, clock, gate);
            String id = as("qs_director", () -> {
                try {
                    return node.start(new ByteArrayInputStream(new byte[] {1}), "2026", true)
                            .getId();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            ImportJobs.Job job = null;
            for (int i = 0; i < 50 && (job == null || !job.isDone()); i++) {
                Thread.sleep(100);
                job = as("qs_director", () -> node.get(id));
            }
            assertThat(job.isDone()).as(death.toString()).isTrue();
            assertThat(job.getPhase()).isEqualTo("FAILED");
            assertThat(job.getFailure()).isNotBlank();
        }
    }

    @Test
    void aReportSurvivesTheJsonRoundTrip() throws Exception {
        ExcelImport.Report report = new ExcelImport.Report(
                3,
                2,
                1,
                true,
                "2026-2027",
                List.of(
                        new ExcelImport.CellProblem("数据填报", 7, "C 在校生数", "请输入整数"),
                        new ExcelImport.CellProblem("_dudao", 1, "", "缺少单位代码")),
                EnumSet.of(ValueBatches.Kind.INVALID, ValueBatches.Kind.LOCKED),
                5,
                java.util.Map.of(ValueBatches.Kind.INVALID, 4, ValueBatches.Kind.LOCKED, 1));
        assertThat(json.readValue(json.writeValueAsString(report), ExcelImport.Report.class))
                .isEqualTo(report);
        ExcelImport.Report clean =
                new ExcelImport.Report(0, 0, 5, false, "2026", List.of(), Set.of(), 0, java.util.Map.of());
        ExcelImport.Report back = json.readValue(json.writeValueAsString(clean), ExcelImport.Report.class);
        assertThat(back).isEqualTo(clean);
        assertThat(back.ok()).isTrue();
    }

    @Test
    void aRunningJobWhoseNodeWentSilentIsReportedFailed() throws Exception {
        String stale = UUID.randomUUID().toString();
        String alive = UUID.randomUUID().toString();
        Instant now = TestClock.now();
        insert(stale, "qs_director", "READING", now.minus(ImportJobs.STALE).minusSeconds(60), null);
        insert(alive, "qs_director", "READING", now.minusSeconds(60), null);
        api.get("qs_director", "/api/data-values/import-jobs/" + stale)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.done").value(true))
                .andExpect(jsonPath("$.phase").value("FAILED"))
                .andExpect(jsonPath("$.percent").value(100))
                .andExpect(jsonPath("$.failure").value("导入中断（服务节点已重启），请重新导入"));
        api.get("qs_director", "/api/data-values/import-jobs/" + alive)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.done").value(false))
                .andExpect(jsonPath("$.phase").value("READING"))
                .andExpect(jsonPath("$.percent").value(85 * 500 / 2000 + 5))
                .andExpect(jsonPath("$.failure").value(nullValue()));
        // the screen stops polling and shows why, in the reader's language
        UserDetails owner = users.loadUserByUsername("qs_director");
        mvc.perform(get("/collection/import/" + stale + "/status").with(user(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-failure\"")))
                .andExpect(content().string(containsString("导入中断（服务节点已重启），请重新导入")));
        mvc.perform(get("/collection/import/" + stale + "/status")
                        .param("lang", "en")
                        .with(user(owner)))
                .andExpect(content().string(containsString("interrupted")));
        api.get("dh_director", "/api/data-values/import-jobs/" + stale).andExpect(status().isNotFound());
    }

    @Test
    void startingAJobPrunesJobsFinishedMoreThanADayAgo() throws Exception {
        String old = UUID.randomUUID().toString();
        String abandoned = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        Instant now = TestClock.now();
        insert(old, "qs_director", "DONE", now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)));
        insert(abandoned, "qs_director", "READING", now.minus(Duration.ofDays(2)), null);
        insert(recent, "qs_director", "DONE", now.minus(Duration.ofHours(1)), now.minus(Duration.ofHours(1)));
        api.upload("qs_director", "/api/data-values/import-jobs", "x.xlsx", new byte[] {1, 2})
                .andExpect(status().isOk());
        assertThat(jdbc.queryForList(
                        "select id from import_job where id in (?, ?, ?)", String.class, old, abandoned, recent))
                .containsExactly(recent);
    }
}
