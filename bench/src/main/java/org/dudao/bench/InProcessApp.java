package org.dudao.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.dudao.DudaoApplication;
import org.flywaydb.core.Flyway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the in-process benchmarks share: the app started on a cleaned database (an H2 file under bench/target, or
 * PostgreSQL from DUDAO_DB_URL / DUDAO_DB_USER / DUDAO_DB_PASSWORD) without demo data, and a measurement of
 * wall time and peak heap.
 */
final class InProcessApp {

    private InProcessApp() {}

    /**
     * Starts the app on {@code db} ("h2" or "postgres"), its database cleaned first. {@code debugLoggers} log at
     * DEBUG when the JVM runs with -Dbench.debug (per-phase timings).
     */
    static ConfigurableApplicationContext start(
            String db, String defaultPostgresUrl, String h2Dir, List<String> debugLoggers) throws Exception {
        Map<String, Object> props = new java.util.HashMap<>();
        props.put("dudao.admin-password", "bench-Passw0rd!");
        props.put("spring.main.banner-mode", "off");
        props.put("server.port", "0");
        props.put("logging.level.root", "WARN");
        boolean debug = System.getProperty("bench.debug") != null;
        debugLoggers.forEach(l -> props.put("logging.level." + l, debug ? "DEBUG" : "WARN"));
        props.put("spring.jpa.open-in-view", "false");
        props.forEach((k, v) -> System.setProperty(k, String.valueOf(v)));
        if ("postgres".equals(db)) {
            String url = System.getenv().getOrDefault("DUDAO_DB_URL", defaultPostgresUrl);
            String user = System.getenv().getOrDefault("DUDAO_DB_USER", "postgres");
            String password = System.getenv().getOrDefault("DUDAO_DB_PASSWORD", "");
            createIfMissing(url, user, password);
            Flyway.configure()
                    .dataSource(url, user, password)
                    .cleanDisabled(false)
                    .load()
                    .clean();
            System.setProperty("spring.datasource.url", url);
        } else {
            Path dir = Path.of("bench/target", h2Dir).toAbsolutePath();
            if (Files.exists(dir)) {
                try (var files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            System.setProperty(
                    "spring.datasource.url",
                    "jdbc:h2:file:" + dir.resolve("dudao")
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
        return new SpringApplicationBuilder(DudaoApplication.class).profiles(db).run();
    }

    /** A fresh machine has no bench database yet: create it through the server's maintenance database. */
    private static void createIfMissing(String url, String user, String password) throws java.sql.SQLException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(.*)")
                .matcher(url);
        if (!m.matches()) {
            return;
        }
        try (var c = java.sql.DriverManager.getConnection(m.group(1) + "postgres" + m.group(3), user, password);
                var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, m.group(2));
            if (!exists.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("create database " + m.group(2));
                }
            }
        }
    }

    /** One measured run: wall time and peak heap (sampled every 10 ms, and the heap pools' own peaks). */
    record Measured(String name, double seconds, long peakMb, long poolPeakMb, String result) {

        void print() {
            System.out.printf(
                    "%-36s %6.2f s   peak heap %4d MB (sampled; pool peaks %d MB, max %d MB)   %s%n",
                    name, seconds, peakMb, poolPeakMb, Runtime.getRuntime().maxMemory() >> 20, result);
        }
    }

    /** Runs {@code work} once after a GC, sampling heap use every 10 ms; prints and returns the measurement. */
    static Measured measure(String name, Supplier<String> work) throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long used =
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                peak.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        String result = work.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();
        long poolPeak =
                pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        Measured m = new Measured(name, seconds, peak.get() >> 20, poolPeak >> 20, result);
        m.print();
        return m;
    }
}
