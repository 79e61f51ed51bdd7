package org.dudao.collection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.dudao.shared.Access;
import org.dudao.shared.FieldProblem;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Runs Excel imports in the background so the screen can show progress (it polls the job). A job runs as the
 * user who started it, in their language, and only that user sees it. Jobs are kept in memory for an hour.
 */
@Service
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    public static final class Job {
        private final String id;
        private final String owner;
        private final Instant started;
        private volatile String phase = "QUEUED";
        private volatile int rowsRead;
        private volatile int totalRows;
        private volatile ExcelImport.Report report;
        private volatile String failure;
        private volatile Instant finished;

        Job(String id, String owner, Instant started) {
            this.id = id;
            this.owner = owner;
            this.started = started;
        }

        public String getId() { return id; }
        public String getPhase() { return phase; }
        public int getRowsRead() { return rowsRead; }
        public int getTotalRows() { return totalRows; }
        public ExcelImport.Report getReport() { return report; }
        public String getFailure() { return failure; }
        public Instant getStarted() { return started; }
        public Instant getFinished() { return finished; }
        public boolean isDone() { return finished != null; }

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
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "dudao-import");
        t.setDaemon(true);
        return t;
    });

    ImportJobs(ExcelImport importer, MessageSource messages) {
        this.importer = importer;
        this.messages = messages;
    }

    /** Copies the upload to a temporary file and starts importing it; returns the job to poll. */
    public Job start(InputStream upload, String period, boolean dryRun) throws IOException {
        String owner = Access.currentUser().username();
        prune();
        Path file = Files.createTempFile("dudao-import", ".xlsx");
        Files.copy(upload, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Job job = new Job(UUID.randomUUID().toString(), owner, Instant.now());
        jobs.put(job.id, job);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        Locale locale = LocaleContextHolder.getLocale();
        executor.submit(() -> {
            SecurityContextHolder.setContext(context);
            LocaleContextHolder.setLocale(locale);
            try {
                job.report = importer.importFile(file, period, dryRun, new ExcelImport.Listener() {
                    @Override
                    public void phase(String phase) {
                        job.phase = phase;
                    }

                    @Override
                    public void rows(int read, int total) {
                        job.rowsRead = read;
                        job.totalRows = total;
                    }
                });
                job.phase = "DONE";
            } catch (InvalidInputException e) {
                FieldProblem p = e.problems().get(0);
                job.failure = messages.getMessage(p.message(), p.args(), p.message(), locale);
                job.phase = "FAILED";
            } catch (RuntimeException | IOException e) {
                log.warn("import {} failed", job.id, e);
                job.failure = messages.getMessage("error.internal", null, locale);
                job.phase = "FAILED";
            } finally {
                job.finished = Instant.now();
                SecurityContextHolder.clearContext();
                LocaleContextHolder.resetLocaleContext();
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        });
        return job;
    }

    /** The caller's own job; anyone else's "does not exist". */
    public Job get(String id) {
        Job job = jobs.get(id);
        if (job == null || !job.owner.equals(Access.currentUser().username())) {
            throw new NotFoundException("import " + id);
        }
        return job;
    }

    private void prune() {
        Instant limit = Instant.now().minusSeconds(3600);
        jobs.values().removeIf(j -> j.finished != null && j.finished.isBefore(limit));
    }
}
