package org.dudao.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.dudao.org.OrgTree;
import org.dudao.shared.Access;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cases at a city's scale (issue 15: a quarter of Fuzhou's yearly 12345 work, 277,924 cases) on PostgreSQL, over
 * HTTP against the app started in-process (random port, signed in as the root administrator with HTTP Basic).
 *
 * <p>Setup (not measured): a province and a city of 10 counties × 10 townships (services), 2,000 schools (JDBC, as
 * {@link BalanceBench}), then 300,000 cases of this year spread over the schools, channels, categories and statuses
 * by one {@code insert … select … from generate_series} (no timeline rows: rates and the dashboard do not read them).
 *
 * <p>Measured, a warm-up and three timed runs each (median): {@code GET /api/cases/rates?unit=<city>} and
 * {@code GET /api/cases/dashboard?unit=<city>} for the whole year (target &lt; 1 s); then one
 * {@code POST /api/cases/import} of 10,000 work orders as a JSON array (target &lt; 30 s).
 *
 * <p>Usage: {@code CasesBench [cases] [imported]}; DUDAO_DB_URL (default …/dudao_cases_bench) is cleaned first.
 */
public final class CasesBench {

    private static final String CITY = BulkScoringBench.CITY;
    private static final String PASSWORD = "bench-Passw0rd!";

    private CasesBench() {}

    public static void main(String[] args) throws Exception {
        int caseCount = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int imported = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        ConfigurableApplicationContext app = InProcessApp.start(
                "postgres",
                "jdbc:postgresql://127.0.0.1:5432/dudao_cases_bench",
                "h2-cases",
                List.of("org.dudao.cases"));
        try {
            run(app, caseCount, imported);
        } finally {
            app.close();
        }
    }

    private static void run(ConfigurableApplicationContext app, int caseCount, int imported) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        OrgTree units = app.getBean(OrgTree.class);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        long setup = System.nanoTime();
        List<String> townships = new ArrayList<>();
        Access.runAsSystem(() -> {
            units.create(BulkScoringBench.form("BS", "基准省", "省", null));
            units.create(BulkScoringBench.form(CITY, "基准市", "市", "BS"));
            for (int c = 1; c <= 10; c++) {
                String county = CITY + String.format("%02d", c);
                units.create(BulkScoringBench.form(county, "基准县" + c, "县", CITY));
                for (int t = 1; t <= 10; t++) {
                    String town = county + String.format("%02d", t);
                    units.create(BulkScoringBench.form(town, "基准县" + c + "镇" + t, "乡镇", county));
                    townships.add(town);
                }
            }
        });
        BulkScoringBench.seedSchools(jdbc, townships, 2_000, String.valueOf(year));
        seedCases(jdbc, caseCount, year);
        jdbc.execute("analyze");
        System.out.printf(
                "cases=%,d under %s (%,d schools); setup %.1f s (not measured)%n",
                jdbc.queryForObject("select count(*) from case_file", Long.class),
                CITY,
                jdbc.queryForObject("select count(*) from org_unit where depth = 4", Long.class),
                (System.nanoTime() - setup) / 1e9);

        HttpClient http = HttpClient.newHttpClient();
        String auth =
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String period = "&from=" + year + "-01-01&to=" + year + "-12-31";
        String base = "http://127.0.0.1:" + port;
        median("GET /api/cases/rates (city)", http, auth, base + "/api/cases/rates?unit=" + CITY + period);
        median("GET /api/cases/dashboard (city)", http, auth, base + "/api/cases/dashboard?unit=" + CITY + period);

        String body = workOrders(jdbc, imported);
        InProcessApp.Measured m = InProcessApp.measure("POST /api/cases/import " + imported, () -> {
            HttpResponse<String> r = send(
                    http,
                    HttpRequest.newBuilder(URI.create(base + "/api/cases/import"))
                            .header("Authorization", auth)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build());
            return r.statusCode() + " "
                    + r.body().substring(0, Math.min(40, r.body().length()));
        });
        System.out.printf(
                "import of %,d work orders: %.1f s (target < 30 s: %s); cases now %,d%n",
                imported,
                m.seconds(),
                m.seconds() < 30 ? "met" : "NOT met",
                jdbc.queryForObject("select count(*) from case_file", Long.class));
    }

    /**
     * The year's cases: received on one of the days up to today, a tenth each still open (received, assigned,
     * answered), the rest closed, most on time, two thirds called back and four in five of those satisfied.
     */
    private static void seedCases(JdbcTemplate jdbc, int count, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        int days = Math.max(1, (int) (LocalDate.now(ZoneId.of("Asia/Shanghai")).toEpochDay() - first.toEpochDay()));
        jdbc.update("create temporary table bench_school as select id, path, row_number() over (order by id) - 1 as n"
                + " from org_unit where depth = 4");
        int schools = jdbc.queryForObject("select count(*) from bench_school", Integer.class);
        jdbc.update("""
                insert into case_file (channel, category, description, anonymous, org_unit_id, unit_path, status,
                    received_at, received_on, due, calendar_missing, called_back, satisfied, closed_on, created_by,
                    row_version)
                select (array['HOTLINE','CITY_GRID','PETITION','ONLINE','INSPECTOR','VISIT','PLAQUE'])[1 + g % 7],
                       (array['CONSULTATION','COMPLAINT','REPORT','SUGGESTION'])[1 + (g / 7) % 4],
                       '基准案件 ' || g, g % 11 = 0, s.id, s.path,
                       case g % 10 when 7 then 'RECEIVED' when 8 then 'ASSIGNED' when 9 then 'ANSWERED'
                            else 'CLOSED' end,
                       cast(? as date) + (g % ?) + time '09:00', cast(? as date) + (g % ?),
                       cast(? as date) + (g % ?) + 18, false,
                       g % 10 < 7 and g % 3 <> 0,
                       case when g % 10 < 7 and g % 3 <> 0 then g % 5 <> 0 end,
                       case when g % 10 < 7 then cast(? as date) + (g % ?) + (g % 23) end,
                       'bench', 0
                from generate_series(1, ?) g join bench_school s on s.n = g % ?""", first, days, first, days, first, days, first, days, count, schools);
    }

    /** The JSON array of {@code n} work orders of 12345 for the city's schools (as POST /api/cases takes them). */
    private static String workOrders(JdbcTemplate jdbc, int n) {
        List<String> codes = jdbc.queryForList("select code from org_unit where depth = 4 order by id", String.class);
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            if (i > 0) json.append(',');
            json.append("{\"channel\":\"HOTLINE\",\"category\":\"")
                    .append(i % 3 == 0 ? "CONSULTATION" : "COMPLAINT")
                    .append("\",\"description\":\"基准导入工单 ")
                    .append(i)
                    .append("：学校门口交通拥堵，希望增派人员疏导\",\"unit\":\"")
                    .append(codes.get(i % codes.size()))
                    .append("\",\"reporterName\":\"来电人")
                    .append(i)
                    .append("\",\"reporterPhone\":\"138")
                    .append(String.format("%08d", i))
                    .append("\",\"address\":\"基准路 ")
                    .append(i % 500)
                    .append(" 号\"}");
        }
        return json.append(']').toString();
    }

    private static void median(String name, HttpClient http, String auth, String url) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int round = 0; round <= 3; round++) {
            InProcessApp.Measured m = InProcessApp.measure(name + (round == 0 ? " warm-up" : " run " + round), () -> {
                HttpResponse<String> r = send(
                        http,
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", auth)
                                .GET()
                                .build());
                return r.statusCode() + " "
                        + r.body().substring(0, Math.min(120, r.body().length()));
            });
            if (round > 0) times.add(m.seconds());
        }
        double median = times.stream().sorted().toList().get(times.size() / 2);
        System.out.printf(
                "%s: median %.3f s over %d runs (target < 1 s: %s)%n",
                name, median, times.size(), median < 1 ? "met" : "NOT met");
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) throw new IllegalStateException(r.statusCode() + " " + r.body());
            return r;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
