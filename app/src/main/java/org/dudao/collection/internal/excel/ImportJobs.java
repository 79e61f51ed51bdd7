package org.dudao.collection.internal.excel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.dudao.collection.internal.Progress;
import org.dudao.shared.Access;
import org.dudao.shared.FieldProblem;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs Excel imports in the background so the screen can show progress (it polls the job). A job runs on the
 * node that received the upload (the file is local to it), as the user who started it and in their language.
 * Its state lives in the {@code import_job} table, so any node behind the balancer answers the poll, and only
 * that user sees it. A running job whose row has been silent for {@link #STALE} lost its node (restart, crash)
 * and is reported as failed. Finished jobs are kept for a day.
 */
@Service
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    /** A job running on this node touches its row at least this often, also during a long silent write. */
    static final long HEARTBEAT_MILLIS = 60_000;
    /** Running and silent for this long: its node is gone and nobody will finish it. */
    static final Duration STALE = Duration.ofMinutes(10);
    /** Progress is written at most this often: a big import reports rows every 500 rows. */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    static final Duration KEEP = Duration.ofDays(1);

    /** A job as last written to its row. */
    public static final class Job {
        private final String id;
        private final String phase;
        private final int rowsRead;
        private final int totalRows;
        private final ExcelImport.Report report;
        private final String failure;
        private final Instant started;
        private final Instant finished;

        Job(
                String id,
                String phase,
                int rowsRead,
                int totalRows,
                ExcelImport.Report report,
                String failure,
                Instant started,
                Instant finished) {
            this.id = id;
            this.phase = phase;
            this.rowsRead = rowsRead;
            this.totalRows = totalRows;
            this.report = report;
            this.failure = failure;
            this.started = started;
            this.finished = finished;
        }

        public String getId() {
            return id;
        }

        public String getPhase() {
            return phase;
        }

        public int getRowsRead() {
            return rowsRead;
        }

        public int getTotalRows() {
            return totalRows;
        }

        public ExcelImport.Report getReport() {
            return report;
        }

        public String getFailure() {
            return failure;
        }

        public Instant getStarted() {
            return started;
        }

        public Instant getFinished() {
            return finished;
        }

        public boolean isDone() {
            return finished != null;
        }

        public int getPercent() {
            if (finished != null) {
                return 100;
            }
            if ("WRITING".equals(phase)) {
                return 90;
            }
            return totalRows <= 0 ? 5 : Math.min(89, (int) (85L * rowsRead / totalRows) + 5);
        }
    }

    private final ExcelImport importer;
    private final MessageSource messages;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Clock clock;
    /** Jobs queued or running on this node, for the heartbeat. */
    private final Set<String> here = ConcurrentHashMap.newKeySet();

    private final ImportGate gate;
    private final ExecutorService executor;

    ImportJobs(
            ExcelImport importer,
            MessageSource messages,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            ObjectMapper json,
            Clock clock,
            ImportGate gate) {
        this.importer = importer;
        this.gate = gate;
        // a job holds one of the gate's places from upload to end, so the pool never queues more than it runs
        this.executor = Executors.newFixedThreadPool(gate.size(), r -> {
            Thread t = new Thread(r, "dudao-import");
            t.setDaemon(true);
            return t;
        });
        this.messages = messages;
        this.jdbc = jdbc;
        // each write commits at once, whatever transaction the caller is in, so other nodes see it
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
    }

    /**
     * Copies the upload to a temporary file and starts importing it; returns the job to poll. Refused before
     * the upload is read without a data-entry role (403) or when the node already runs as many imports as it
     * may ({@link ImportGate.ImportBusyException}, 429).
     */
    public Job start(InputStream upload, String period, boolean dryRun) throws IOException {
        String owner = Access.currentUser().username();
        ExcelImport.requireImporter();
        ImportGate.Permit permit = gate.enter();
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        Path file;
        try {
            file = Files.createTempFile("dudao-import", ".xlsx");
        } catch (IOException | RuntimeException e) {
            permit.close();
            throw e;
        }
        try {
            Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
            write("delete from import_job where coalesce(finished_at, updated_at) < ?", utc(now.minus(KEEP)));
            write(
                    "insert into import_job (id, owner, dry_run, phase, started_at, updated_at)"
                            + " values (?, ?, ?, 'QUEUED', ?, ?)",
                    id,
                    owner,
                    dryRun,
                    utc(now),
                    utc(now));
        } catch (IOException | RuntimeException e) {
            permit.close();
            Files.deleteIfExists(file);
            throw e;
        }
        here.add(id);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        Locale locale = LocaleContextHolder.getLocale();
        Runnable job = () -> {
            SecurityContextHolder.setContext(context);
            LocaleContextHolder.setLocale(locale);
            try {
                run(id, file, period, dryRun, locale);
            } finally {
                permit.close();
                here.remove(id);
                SecurityContextHolder.clearContext();
                LocaleContextHolder.resetLocaleContext();
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        };
        try {
            executor.execute(job);
        } catch (RuntimeException e) {
            permit.close();
            here.remove(id);
            Files.deleteIfExists(file);
            throw e;
        }
        return new Job(id, "QUEUED", 0, 0, null, null, now, null);
    }

    private void run(String id, Path file, String period, boolean dryRun, Locale locale) {
        Progress progress = new Progress(id);
        ExcelImport.Report report = null;
        String reportJson = null;
        String failure = null;
        try {
            report = importer.importFile(file, period, dryRun, progress);
            reportJson = json.writeValueAsString(report);
        } catch (InvalidInputException e) {
            FieldProblem p = e.problems().get(0);
            failure = messages.getMessage(p.message(), p.args(), p.message(), locale);
        } catch (OutOfMemoryError e) {
            report = null;
            reportJson = null;
            log.error("import {} ran out of memory", id, e);
            failure = messages.getMessage("collection.import.failed", null, locale);
        } catch (Exception | Error e) {
            // whatever broke the reader (a bug, a library error): the job ends as failed, never stuck
            log.warn("import {} failed", id, e);
            failure = messages.getMessage("collection.import.failed", null, locale);
        }
        try {
            Instant now = clock.instant();
            write(
                    "update import_job set phase = ?, period = ?, rows_read = ?, total_rows = ?, report = ?,"
                            + " failure = ?, updated_at = ?, finished_at = ? where id = ?",
                    failure == null ? "DONE" : "FAILED",
                    report == null ? null : report.period(),
                    progress.read,
                    progress.total,
                    reportJson,
                    failure,
                    utc(now),
                    utc(now),
                    id);
        } catch (RuntimeException e) {
            // the row stays unfinished and is reported as interrupted once it is stale
            log.warn("import {} finished but could not record it", id, e);
        }
    }

    /** Writes the import's progress to its row: every phase, rows at most every {@link #PROGRESS_EVERY}. */
    private final class Progress implements ExcelImport.Listener {
        private final String id;
        private Instant written = Instant.EPOCH;
        int read;
        int total;

        Progress(String id) {
            this.id = id;
        }

        @Override
        public void phase(String phase) {
            save(phase);
        }

        @Override
        public void rows(int read, int total) {
            this.read = read;
            this.total = total;
            if (Duration.between(written, clock.instant()).compareTo(PROGRESS_EVERY) >= 0) {
                save(null);
            }
        }

        private void save(String phase) {
            written = clock.instant();
            try {
                write(
                        "update import_job set phase = coalesce(?, phase), rows_read = ?, total_rows = ?,"
                                + " updated_at = ? where id = ?",
                        phase,
                        read,
                        total,
                        utc(written),
                        id);
            } catch (RuntimeException e) {
                // progress is only for the screen: never let it break the import
                log.warn("import {}: could not record progress", id, e);
            }
        }
    }

    /** Tells the other nodes that this node's jobs are alive while no progress is written (queue, write). */
    @Scheduled(fixedDelay = HEARTBEAT_MILLIS, initialDelay = HEARTBEAT_MILLIS)
    void heartbeat() {
        OffsetDateTime now = utc(clock.instant());
        for (String id : here) {
            write("update import_job set updated_at = ? where id = ? and finished_at is null", now, id);
        }
    }

    /** The caller's own job, read from the database (any node may ask); anyone else's "does not exist". */
    public Job get(String id) {
        List<Job> found = jdbc.query(
                "select * from import_job where id = ? and owner = ?",
                this::job,
                id,
                Access.currentUser().username());
        if (found.isEmpty()) {
            throw new NotFoundException("import " + id);
        }
        return found.get(0);
    }

    private Job job(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        Instant started = instant(rs, "started_at");
        Instant updated = instant(rs, "updated_at");
        Instant finished = instant(rs, "finished_at");
        if (finished == null && updated.isBefore(clock.instant().minus(STALE))) {
            String failure =
                    messages.getMessage("collection.import.interrupted", null, LocaleContextHolder.getLocale());
            return new Job(
                    id, "FAILED", rs.getInt("rows_read"), rs.getInt("total_rows"), null, failure, started, updated);
        }
        String report = rs.getString("report");
        try {
            return new Job(
                    id,
                    rs.getString("phase"),
                    rs.getInt("rows_read"),
                    rs.getInt("total_rows"),
                    report == null ? null : json.readValue(report, ExcelImport.Report.class),
                    rs.getString("failure"),
                    started,
                    finished);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String sql, Object... args) {
        tx.executeWithoutResult(status -> jdbc.update(sql, args));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
