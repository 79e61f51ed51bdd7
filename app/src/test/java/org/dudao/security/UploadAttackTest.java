package org.dudao.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.collection.internal.ImportLimits;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Finding 1 of issue 11 replayed over real HTTP against a node with the heap of a small server (512 MB): the
 * task export's layout with a million rows of units outside the caller's scope (~10 MB zipped, ~270 MB
 * unpacked) posted once as an import job and four times at once for a dry run; then the same with the largest
 * workbook the caps let through, and with seven million shared strings (which ran the node out of memory
 * before the table had bounds of its own), while another client asks the node who it is every 100 ms. Every
 * upload must get a small 4xx, each job must end with a message, every probe must be answered, during and
 * after, and the heap held after collections stays under three quarters of the node's. Each round prints its
 * memory peak.
 *
 * <p>Runs only in the surefire execution {@code upload-attack} (app/pom.xml: a JVM of its own with
 * {@code -Xmx512m}), with the import caps of application.yml instead of the test profile's low ones.
 */
@DudaoTest
@EnabledIfSystemProperty(named = "dudao.upload-attack", matches = "true")
class UploadAttackTest {

    static final long HEAP_LIMIT = 512L * 1024 * 1024;
    static final int ATTACK_ROWS = 1_000_000;
    /** Distinct texts in the shared strings workbook: ~180 MB of XML, under the unpacked cap. */
    static final int SHARED_STRINGS = 7_000_000;

    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final String IMPORT = "/api/data-values/import?period=2026&dryRun=true";

    static Path dir;

    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** The production caps (dudao.import.* of application.yml), not the test profile's small ones. */
    @DynamicPropertySource
    static void productionCaps(DynamicPropertyRegistry registry) throws Exception {
        // the first document of application.yml: the settings of every profile
        EnumerablePropertySource<?> main = (EnumerablePropertySource<?>) new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"))
                .get(0);
        List<String> keys = Arrays.stream(main.getPropertyNames())
                .filter(key -> key.startsWith("dudao.import."))
                .toList();
        assertThat(keys).as("dudao.import.* in application.yml").hasSizeGreaterThanOrEqualTo(5);
        keys.forEach(key -> registry.add(key, () -> String.valueOf(main.getProperty(key))));
    }

    @BeforeAll
    static void tempDir() throws Exception {
        dir = Files.createTempDirectory("upload-attack");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    @Autowired
    ImportLimits limits;

    @Test
    void theUploadAttackGetsSmall4xxAnswersAndTheNodeKeepsAnswering() throws Exception {
        long maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        assertThat(maxHeap)
                .as("run by the surefire execution upload-attack (-Xmx512m)")
                .isLessThanOrEqualTo(HEAP_LIMIT);
        String attacker = "Bearer " + token("school_clerk");
        Layout layout = taskExport(attacker);
        int width = layout.codes().size();
        Path huge = workbook(layout, ATTACK_ROWS, "huge.xlsx");
        // the largest workbook the caps let through: every row and cell is read and checked
        int fullRows = Math.min(limits.maxRows(), (int) (limits.maxCells() / width)) - 2;
        Path full = workbook(layout, fullRows, "full.xlsx");
        assertThat(Files.size(huge)).isGreaterThan(8_000_000);

        Probes probes = new Probes("Bearer " + token("qs_director")).start();
        try {
            // the public user holds no data-entry role: refused before the file is read
            assertThat(upload("Bearer " + token("public"), IMPORT, huge).status())
                    .isEqualTo(403);
            JsonNode job = round("the finding's workbook", attacker, huge, maxHeap, probes);
            assertThat(job.get("phase").asText()).isEqualTo("FAILED");
            assertThat(job.get("failure").asText()).contains("%,d".formatted(limits.maxCells()));
            job = round("a workbook at the caps", attacker, full, maxHeap, probes);
            assertThat(job.get("phase").asText()).isEqualTo("DONE");
            JsonNode report = job.get("report");
            assertThat(report.get("rejectedTotal").asInt()).isEqualTo(fullRows * (width - 2));
            assertThat(report.get("rejected").size()).isEqualTo(limits.maxRejections());
            assertThat(report.get("detail").asText()).isNotBlank();
            // the codes as shared strings: the table is read before any row, so it must be bounded by itself
            Path strings = workbook(layout, 100, SHARED_STRINGS, "strings.xlsx");
            job = round("a workbook of shared strings", attacker, strings, maxHeap, probes);
            assertThat(job.get("phase").asText()).isEqualTo("FAILED");
            assertThat(job.get("failure").asText()).contains("%,d".formatted(limits.maxCells()));
        } finally {
            probes.stop();
        }
        probes.assertAllAnswered();
        assertThat(probes.once()).isEqualTo(200);
    }

    /**
     * One round: a job, then four direct dry runs at once, all with {@code file}; each answer is a small 4xx
     * (429 once the node runs as many imports as it may) and the job ends within a minute. Returns the job.
     */
    private JsonNode round(String name, String attacker, Path file, long maxHeap, Probes probes) throws Exception {
        Memory memory = new Memory();
        long started = System.nanoTime();
        long probed = probes.answered();
        JsonNode finished;
        List<Integer> statuses = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        try {
            Answer job = upload(attacker, "/api/data-values/import-jobs?dryRun=true", file);
            assertThat(job.status()).as(job.text()).isEqualTo(200);
            List<CompletableFuture<Answer>> direct = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                direct.add(CompletableFuture.supplyAsync(() -> upload(attacker, IMPORT, file)));
            }
            for (CompletableFuture<Answer> f : direct) {
                Answer a = f.get(90, TimeUnit.SECONDS);
                statuses.add(a.status());
                if (a.status() != 429) {
                    answers.add(a.text().substring(0, Math.min(a.text().length(), 300)));
                }
                assertThat(a.status()).as(a.text()).isBetween(400, 499);
                assertThat(a.bytes()).as("answer size").isLessThan(1_000_000);
            }
            finished = awaitJob(attacker, json.readTree(job.text()).get("id").asText());
        } finally {
            memory.stop();
        }
        System.out.printf(
                "upload attack, %s (%d KB): 1 job + 4 uploads %s in %d s; peak heap %d MB (sum of the heap"
                        + " pools' peaks), %d MB live after GC, of %d MB; %d probes answered, slowest %d ms%n",
                name,
                Files.size(file) >> 10,
                statuses,
                (System.nanoTime() - started) / 1_000_000_000,
                memory.poolPeaks() >> 20,
                memory.liveAfterGc() >> 20,
                maxHeap >> 20,
                probes.answered() - probed,
                probes.slowestMillis());
        System.out.println(
                "  answered: " + answers + "; job: " + finished.get("phase") + " " + finished.get("failure"));
        // what the node held stays well under its heap; the pools' peaks are printed, not asserted: they include
        // garbage and are reached at different times, so their sum may pass the heap on a healthy node
        assertThat(memory.liveAfterGc()).as("heap in use after a collection").isLessThan(maxHeap * 3 / 4);
        return finished;
    }

    /** The export's layout: sheet name, the visible header row and the hidden row of item codes, the period. */
    record Layout(String sheet, List<String> header, List<String> codes, String period) {}

    private Layout taskExport(String auth) throws Exception {
        JsonNode tasks = json.readTree(get(auth, "/api/collection/tasks").body());
        assertThat(tasks.size()).as("demo tasks").isPositive();
        HttpResponse<byte[]> export = http.send(
                request(auth, "/api/collection/tasks/" + tasks.get(0).get("id").asLong() + "/export")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(export.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            Sheet meta = wb.getSheet("_dudao");
            return new Layout(
                    sheet.getSheetName(),
                    texts(sheet.getRow(0)),
                    texts(sheet.getRow(1)),
                    meta.getRow(0).getCell(1).getStringCellValue());
        }
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            texts.add(cell == null ? null : cell.getStringCellValue());
        }
        return texts;
    }

    /**
     * The export's layout with {@code rows} units nobody in the demo can see, streamed to a file: POI writes
     * the workbook with its header rows and meta sheet, then the unit rows go into its sheet XML as they would
     * from {@link SXSSFWorkbook} (which takes a minute for a million rows; this takes seconds).
     */
    private Path workbook(Layout layout, int rows, String name) throws Exception {
        return workbook(layout, rows, 0, name);
    }

    /** The same, with {@code strings} distinct texts in the shared strings table that the unit codes refer to. */
    private Path workbook(Layout layout, int rows, int strings, String name) throws Exception {
        Path frame = dir.resolve("frame-" + name);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100);
                OutputStream out = Files.newOutputStream(frame)) {
            Sheet sheet = wb.createSheet(layout.sheet());
            copy(sheet.createRow(0), layout.header());
            copy(sheet.createRow(1), layout.codes());
            Row meta = wb.createSheet("_dudao").createRow(0);
            meta.createCell(0).setCellValue("period");
            meta.createCell(1).setCellValue(layout.period());
            wb.write(out);
            wb.dispose();
        }
        Path file = dir.resolve(name);
        boolean shared = false;
        try (ZipFile in = new ZipFile(frame.toFile());
                ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            zip.setLevel(Deflater.BEST_SPEED);
            for (ZipEntry e : Collections.list(in.entries())) {
                byte[] content = in.getInputStream(e).readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (strings > 0 && e.getName().equals("xl/sharedStrings.xml")) {
                    shared = true;
                    Writer w = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
                    w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst xmlns=\"http://schemas.openxmlformats.org"
                            + "/spreadsheetml/2006/main\" count=\"" + strings + "\" uniqueCount=\"" + strings + "\">");
                    for (int i = 0; i < strings; i++) {
                        w.append("<si><t>ZZ").append(String.valueOf(i)).append("</t></si>");
                    }
                    w.write("</sst>");
                    w.flush();
                } else if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int at = xml.indexOf("</sheetData>");
                    Writer w = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
                    w.write(xml, 0, at);
                    for (int r = 0; r < rows; r++) {
                        unitRow(w, r + 3, r, layout.codes().size(), strings > 0);
                    }
                    w.write(xml, at, xml.length() - at);
                    w.flush();
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        Files.delete(frame);
        assertThat(shared).as("a shared strings table in the frame").isEqualTo(strings > 0);
        return file;
    }

    /**
     * One unit outside every demo scope: code, name and a number in every item column. Cells without their
     * optional reference (A3, B3, …), as some writers do, keep the file near the finding's 25:1.
     */
    private static void unitRow(Writer w, int rowNumber, int unit, int columns, boolean shared) throws Exception {
        StringBuilder row =
                new StringBuilder(200).append("<row r=\"").append(rowNumber).append("\">");
        if (shared) {
            row.append("<c t=\"s\"><v>").append(unit).append("</v></c>");
        } else {
            row.append("<c t=\"inlineStr\"><is><t>ZZ").append(unit).append("</t></is></c>");
        }
        row.append("<c t=\"inlineStr\"><is><t>外单位</t></is></c>");
        for (int c = 2; c < columns; c++) {
            row.append("<c><v>").append(unit % 100).append("</v></c>");
        }
        w.append(row.append("</row>"));
    }

    private static void copy(Row row, List<String> texts) {
        for (int c = 0; c < texts.size(); c++) {
            if (texts.get(c) != null) {
                row.createCell(c).setCellValue(texts.get(c));
            }
        }
    }

    /** An answer: its status, size and (at most the first megabyte of) its text. */
    record Answer(int status, long bytes, String text) {}

    private Answer upload(String auth, String url, Path file) {
        String boundary = "attack" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"attack.xlsx\""
                        + "\r\nContent-Type: " + XLSX + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        try {
            HttpRequest request = request(auth, url)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.concat(
                            HttpRequest.BodyPublishers.ofByteArray(head),
                            HttpRequest.BodyPublishers.ofFile(file),
                            HttpRequest.BodyPublishers.ofByteArray(tail)))
                    .timeout(Duration.ofSeconds(60))
                    .build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            return bounded(response);
        } catch (Exception e) {
            throw new IllegalStateException(url + " was not answered", e);
        }
    }

    /** Reads at most a megabyte of the body and counts the rest, so a huge answer cannot hurt the test. */
    private static Answer bounded(HttpResponse<InputStream> response) throws Exception {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long total = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (total < 1_000_000) {
                    kept.write(buffer, 0, (int) Math.min(n, 1_000_000 - total));
                }
                total += n;
            }
        }
        return new Answer(response.statusCode(), total, kept.toString(StandardCharsets.UTF_8));
    }

    private JsonNode awaitJob(String auth, String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(auth, "/api/data-values/import-jobs/" + id);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body().length()).isLessThan(1_000_000);
            job = json.readTree(r.body());
            if (job.get("done").asBoolean()) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("import job still running after 60 s: " + job);
    }

    private HttpResponse<String> get(String auth, String url) throws Exception {
        return http.send(
                request(auth, url).GET().timeout(PROBE_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String auth, String url) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url))
                .header("Accept", "application/json");
        return auth == null ? b : b.header("Authorization", auth);
    }

    /** A personal access token, created over HTTP Basic once, so the probes do not pay for BCrypt each time. */
    private String token(String user) throws Exception {
        String basic = "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(
                request(basic, "/api/me/tokens")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"upload attack\",\"days\":1}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("token").asText();
    }

    /** Asks the node who is signed in every 100 ms, recording every answer and failure. */
    private final class Probes {
        private final String auth;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final AtomicLong answered = new AtomicLong();
        private final AtomicLong slowest = new AtomicLong();

        Probes(String auth) {
            this.auth = auth;
        }

        Probes start() {
            timer.scheduleWithFixedDelay(this::probe, 0, 100, TimeUnit.MILLISECONDS);
            return this;
        }

        int once() throws Exception {
            return get(auth, "/api/me").statusCode();
        }

        private void probe() {
            long t = System.nanoTime();
            try {
                int status = once();
                answered.incrementAndGet();
                slowest.accumulateAndGet((System.nanoTime() - t) / 1_000_000, Math::max);
                if (status != 200) {
                    failures.add("status " + status);
                }
            } catch (Exception e) {
                failures.add(e.toString());
            }
        }

        void stop() throws Exception {
            Thread.sleep(2_000); // and after
            timer.shutdown();
            timer.awaitTermination(20, TimeUnit.SECONDS);
        }

        long answered() {
            return answered.get();
        }

        long slowestMillis() {
            return slowest.get();
        }

        void assertAllAnswered() {
            assertThat(failures).isEmpty();
            assertThat(answered.get()).isGreaterThan(10);
        }
    }

    /**
     * The heap during the attack: the peaks of the heap pools (reset at the start, garbage included) and the
     * largest heap still in use after a collection (what the node really held).
     */
    private static final class Memory {
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        private final java.util.Set<String> heapPools =
                pools.stream().map(MemoryPoolMXBean::getName).collect(java.util.stream.Collectors.toSet());
        private final AtomicLong live = new AtomicLong();
        private final NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> heapPools.contains(e.getKey()))
                        .mapToLong(e -> e.getValue().getUsed())
                        .sum();
                live.accumulateAndGet(used, Math::max);
            }
        };
        private long poolPeaks;

        Memory() {
            System.gc();
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            ManagementFactory.getGarbageCollectorMXBeans()
                    .forEach(gc -> ((NotificationEmitter) gc).addNotificationListener(listener, null, null));
        }

        void stop() throws Exception {
            poolPeaks =
                    pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).removeNotificationListener(listener);
            }
        }

        long poolPeaks() {
            return poolPeaks;
        }

        long liveAfterGc() {
            return live.get();
        }
    }
}
