package org.dudao.bench;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.dudao.evaluation.BulkScoring;
import org.dudao.evaluation.ProjectForm;
import org.dudao.evaluation.Projects;
import org.dudao.org.OrgTree;
import org.dudao.org.OrgUnitForm;
import org.dudao.scheme.SchemeFiles;
import org.dudao.shared.Access;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scores every school of a city-wide project from stored values in one run ({@link BulkScoring#scoreAll}, what
 * {@code POST /api/projects/{project}/score-all} does), in-process on a cleaned database.
 *
 * <p>Setup (not measured): a city with 20 counties × 20 townships and, by JDBC multi-row inserts, 20,000 schools of
 * mixed kinds (小学, 初中, 九年一贯制, 完全中学) with this year's enrolment and a value of every data item the seeded
 * scheme 义务教育学校标准化建设评估 (YWBZH, imported from its JSON file) reads; three in four schools have
 * self-scored their manual indicators. The project is created through {@link Projects#create}.
 * Measured: one warm-up and three timed runs of {@code scoreAll}; prints each, the median, files/s, grade
 * counts and peak heap.
 *
 * <p>Usage: {@code BulkScoringBench h2|postgres [schools]}. H2 runs on a file under bench/target; PostgreSQL uses
 * DUDAO_DB_URL (default …/dudao_bench) / DUDAO_DB_USER / DUDAO_DB_PASSWORD and cleans that database first.
 */
public final class BulkScoringBench {

    static final String CITY = "BS01";
    static final int COUNTIES = 20, TOWNSHIPS = 20;
    private static final int ROWS_PER_INSERT = 500;
    /** The scheme's manual indicators and their points (a school's self-scores are drawn from these). */
    private static final Map<String, Integer> MANUAL =
            Map.of("A22", 20, "A34", 40, "B4", 50, "C1", 60, "C3", 80, "D2", 100);

    private BulkScoringBench() {}

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int schoolCount = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        ConfigurableApplicationContext app = InProcessApp.start(
                db, "jdbc:postgresql://127.0.0.1:5432/dudao_bench", "h2-bulk", List.of("org.dudao.evaluation"));
        try {
            run(app, db, schoolCount);
        } finally {
            app.close();
        }
    }

    private static void run(ConfigurableApplicationContext app, String db, int schoolCount) throws Exception {
        BulkScoring bulk = app.getBean(BulkScoring.class);
        JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        String project = seedCity(app, db, schoolCount);

        List<Double> times = new ArrayList<>();
        long peak = 0;
        for (int round = 0; round <= 3; round++) {
            String name = round == 0 ? "scoreAll warm-up" : "scoreAll run " + round;
            InProcessApp.Measured m = InProcessApp.measure(name, () -> {
                BulkScoring.Run[] r = new BulkScoring.Run[1];
                Access.runAsSystem(() -> r[0] = bulk.scoreAll(project));
                return "scored=" + r[0].scored() + " grades=" + r[0].byGrade();
            });
            if (round > 0) {
                times.add(m.seconds());
                peak = Math.max(peak, m.peakMb());
            }
        }
        double median = times.stream().sorted().toList().get(times.size() / 2);
        System.out.printf(
                "median %.2f s over %d runs: %,.0f files/s, peak heap %d MB (target < 10 s: %s)%n",
                median, times.size(), schoolCount / median, peak, median < 10 ? "met" : "NOT met");
        Map<String, Long> stored = new TreeMap<>();
        jdbc.query("select grade, count(*) from evaluation group by grade", (java.sql.ResultSet rs) -> {
            stored.put(String.valueOf(rs.getString(1)), rs.getLong(2));
        });
        System.out.println("stored grades: " + stored);
    }

    /**
     * The city of {@code schoolCount} schools with this year's values and the project over it, self-scored (setup,
     * not measured; {@code bench/load.sh} seeds its database with it too); prints counts and times, returns the
     * project's code.
     */
    static String seedCity(ConfigurableApplicationContext app, String db, int schoolCount) throws Exception {
        OrgTree units = app.getBean(OrgTree.class);
        SchemeFiles schemes = app.getBean(SchemeFiles.class);
        Projects projects = app.getBean(Projects.class);
        JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        int year = Year.now().getValue();
        String project = "BENCH-" + year;

        long setup = System.nanoTime();
        List<String> townships = new ArrayList<>();
        Access.runAsSystem(() -> {
            units.create(form("BS", "基准省", "省", null));
            units.create(form(CITY, "基准市", "市", "BS"));
            for (int c = 1; c <= COUNTIES; c++) {
                String county = CITY + String.format("%02d", c);
                units.create(form(county, "基准县" + c, "县", CITY));
                for (int t = 1; t <= TOWNSHIPS; t++) {
                    String town = county + String.format("%02d", t);
                    units.create(form(town, "基准县" + c + "镇" + t, "乡镇", county));
                    townships.add(town);
                }
            }
            try (InputStream in = new ClassPathResource("scheme/demo/1-YWBZH.json").getInputStream()) {
                schemes.importFile(in.readAllBytes(), CITY);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        double treeSeconds = (System.nanoTime() - setup) / 1e9;
        long seed = System.nanoTime();
        Map<String, Integer> kinds = seedSchools(jdbc, townships, schoolCount, String.valueOf(year));
        double seedSeconds = (System.nanoTime() - seed) / 1e9;
        long create = System.nanoTime();
        Access.runAsSystem(() -> projects.create(new ProjectForm(
                project,
                "基准市" + year + "年标准化建设评估",
                year,
                "YWBZH",
                null,
                CITY,
                year + "-12-31",
                null,
                null,
                null,
                null,
                null,
                null)));
        double createSeconds = (System.nanoTime() - create) / 1e9;
        int sheets = seedSelfScores(jdbc, project);
        System.out.printf(
                "db=%s schools=%,d %s values=%,d self-scored=%,d%n",
                db, schoolCount, kinds, jdbc.queryForObject("select count(*) from data_value", Long.class), sheets);
        System.out.printf(
                "setup: tree+scheme %.1f s, schools+values %.1f s, project %.1f s (not measured)%n",
                treeSeconds, seedSeconds, createSeconds);
        return project;
    }

    /**
     * Inserts the schools under the townships (round robin) with this year's enrolment and a value of every item
     * YWBZH reads, by multi-row inserts; returns the count per kind.
     */
    static Map<String, Integer> seedSchools(JdbcTemplate jdbc, List<String> townships, int count, String period)
            throws SQLException {
        Map<String, Long> townIds = new LinkedHashMap<>();
        jdbc.query(
                "select code, id from org_unit where kind = 'TOWNSHIP' and code like 'BS%'",
                (java.sql.ResultSet rs) -> {
                    townIds.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Long> itemIds = new LinkedHashMap<>();
        jdbc.query("select code, id from data_item", (java.sql.ResultSet rs) -> {
            itemIds.put(rs.getString(1), rs.getLong(2));
        });
        Timestamp now = Timestamp.from(Instant.now());
        SplittableRandom random = new SplittableRandom(20_000);
        Map<String, Integer> kinds = new TreeMap<>();
        try (Connection c = jdbc.getDataSource().getConnection()) {
            c.setAutoCommit(false);
            List<Object[]> schools = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String town = townships.get(i % townships.size());
                int r = random.nextInt(100);
                String kind = r < 60 ? "PRIMARY" : r < 85 ? "JUNIOR" : r < 95 ? "NINE_YEAR" : "COMPLETE_SECONDARY";
                kinds.merge(kind, 1, Integer::sum);
                schools.add(new Object[] {
                    town + String.format("%04d", i / townships.size()),
                    "基准学校" + i,
                    kind,
                    townIds.get(town),
                    "-",
                    4,
                    0,
                    0,
                    now,
                    now
                });
            }
            insert(
                    c,
                    "org_unit",
                    "code, name, kind, parent_id, path, depth, sort_order, version, created_at," + " updated_at",
                    schools);
            try (PreparedStatement ps = c.prepareStatement("update org_unit set path = (select p.path from org_unit p"
                    + " where p.id = org_unit.parent_id) || cast(id as varchar(20)) || '/' where path = '-'")) {
                ps.executeUpdate();
            }
            List<Object[]> values = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                            "select id, kind from org_unit where code like 'BS%'" + " and depth = 4 order by id");
                    var rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    valuesOf(rs.getString(2), random)
                            .forEach((item, v) -> values.add(new Object[] {
                                id,
                                itemIds.get(item),
                                period,
                                new java.math.BigDecimal(String.format("%.2f", v)),
                                0,
                                "bench",
                                now
                            }));
                    if (values.size() >= 50_000) {
                        insert(
                                c,
                                "data_value",
                                "org_unit_id, item_id, period, num_value, version, updated_by," + " updated_at",
                                values);
                        values.clear();
                    }
                }
            }
            insert(c, "data_value", "org_unit_id, item_id, period, num_value, version, updated_by, updated_at", values);
            c.commit();
        }
        return kinds;
    }

    /** Enrolment and the values YWBZH reads for one school, around the standards so that grades are mixed. */
    private static Map<String, Double> valuesOf(String kind, SplittableRandom r) {
        double p = 0, j = 0, s = 0;
        switch (kind) {
            case "PRIMARY" -> p = 200 + r.nextInt(1300);
            case "JUNIOR" -> j = 300 + r.nextInt(1200);
            case "NINE_YEAR" -> {
                p = 150 + r.nextInt(650);
                j = 100 + r.nextInt(500);
            }
            default -> {
                j = 400 + r.nextInt(1100);
                s = 300 + r.nextInt(900);
            }
        }
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("students_primary", p);
        v.put("students_junior", j);
        v.put("students_senior", s);
        v.put("building_area", (p * 6.0 + j * 8.0 + s * 9.0) * f(r, 0.85, 1.3));
        v.put("teaching_room_area", (p * 3.7 + j * 4.5 + s * 5.0) * f(r, 0.85, 1.25));
        v.put("sports_area", (p * 7.0 + j * 9.0 + s * 10.0) * f(r, 0.75, 1.3));
        v.put("equipment_value", (p * 1500 + j * 2000 + s * 2500) * f(r, 0.8, 1.3));
        v.put("computers", Math.floor((p * 0.12 + j * 0.15 + s * 0.15) * f(r, 0.7, 1.3)));
        v.put("books", Math.floor((p * 25 + j * 35 + s * 40) * f(r, 0.9, 1.3)));
        v.put("teachers", Math.ceil((p * 0.0526 + j * 0.0741 + s * 0.0769) * f(r, 0.85, 1.2)));
        v.put("teachers_above_degree", Math.ceil((p * 0.042 + j * 0.053 + s * 0.02) * f(r, 0.7, 1.4)));
        v.put("teachers_senior_title", Math.ceil((p * 0.025 + j * 0.035 + s * 0.04) * f(r, 0.7, 1.4)));
        boolean old = r.nextInt(12) == 0;
        v.put("danger_d_area", old ? Math.round(f(r, 80, 600)) : 0.0);
        v.put("danger_d_in_use", old && r.nextBoolean() ? 1.0 : 0.0);
        v.put("safety_incidents", r.nextInt(10) < 7 ? 0.0 : 1.0 + r.nextInt(2));
        v.put("major_accidents", r.nextInt(200) == 0 ? 1.0 : 0.0);
        v.put("criminal_cases", 0.0);
        v.put("fitness_pass_rate", Math.round(f(r, 86, 99) * 10) / 10.0);
        return v;
    }

    /** Three in four files get a self-scored sheet of the manual indicators (75–100 % of their points). */
    private static int seedSelfScores(JdbcTemplate jdbc, String project) {
        List<Long> ids = jdbc.queryForList(
                "select e.id from evaluation e join eval_project p on p.id = e.project_id"
                        + " where p.code = ? order by e.id",
                Long.class,
                project);
        SplittableRandom r = new SplittableRandom(75);
        List<Object[]> sheets = new ArrayList<>();
        for (Long id : ids) {
            if (r.nextInt(4) == 0) continue;
            StringBuilder json = new StringBuilder("{");
            for (String code : new TreeMap<>(MANUAL).keySet()) {
                int points = MANUAL.get(code);
                double score = Math.round(points * f(r, 0.75, 1.0) * 2) / 2.0;
                if (json.length() > 1) json.append(',');
                json.append('"')
                        .append(code)
                        .append("\":{\"score\":")
                        .append(score)
                        .append(",\"reason\":")
                        .append(score < points ? "\"自评扣分\"" : "null")
                        .append('}');
            }
            sheets.add(new Object[] {json.append('}').toString(), id});
        }
        jdbc.batchUpdate("update evaluation set self_manual = ? where id = ?", sheets);
        return sheets.size();
    }

    /** Multi-row inserts of {@code rows}, {@value #ROWS_PER_INSERT} rows per statement. */
    private static void insert(Connection c, String table, String columns, List<Object[]> rows) throws SQLException {
        int width = columns.split(",").length;
        String row = "(" + String.join(",", java.util.Collections.nCopies(width, "?")) + ")";
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            String sql = "insert into " + table + " (" + columns + ") values "
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), row));
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (Object[] values : chunk) {
                    for (Object v : values) ps.setObject(i++, v);
                }
                ps.executeUpdate();
            }
        }
    }

    static OrgUnitForm form(String code, String name, String kind, String parent) {
        return new OrgUnitForm(code, name, kind, parent, null, null, null, null, null, null, null);
    }

    private static double f(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }
}
