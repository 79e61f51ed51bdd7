package org.dudao.bench;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.dudao.balance.internal.BalanceView;
import org.dudao.balance.internal.Balances;
import org.dudao.org.OrgTree;
import org.dudao.shared.Access;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 差异系数 of a province from stored values ({@link Balances#balance}, what {@code GET /api/balance?unit=} does):
 * the eight indicators of both stages over every school, combined schools split, and the ranking of its counties.
 *
 * <p>Setup (not measured): the tree and the 20,000 schools of {@link BulkScoringBench} (a province, a city, 20
 * counties × 20 townships; 小学, 初中, 九年一贯制, 完全中学 with this year's enrolment and all eight resources), by JDBC
 * multi-row inserts. Measured: one warm-up and three timed runs; prints each, the median and two of the CVs.
 *
 * <p>Usage: {@code BalanceBench h2|postgres [schools]}; PostgreSQL uses DUDAO_DB_URL (default …/dudao_bench) and
 * cleans that database first.
 */
public final class BalanceBench {

    private BalanceBench() {}

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "postgres";
        int schoolCount = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        ConfigurableApplicationContext app = InProcessApp.start(
                db, "jdbc:postgresql://127.0.0.1:5432/dudao_bench", "h2-balance", List.of("org.dudao.balance"));
        try {
            run(app, db, schoolCount);
        } finally {
            app.close();
        }
    }

    private static void run(ConfigurableApplicationContext app, String db, int schoolCount) throws Exception {
        OrgTree units = app.getBean(OrgTree.class);
        Balances balances = app.getBean(Balances.class);
        JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        int year = Year.now().getValue();
        long setup = System.nanoTime();
        List<String> townships = new ArrayList<>();
        Access.runAsSystem(() -> {
            units.create(BulkScoringBench.form("BS", "基准省", "省", null));
            units.create(BulkScoringBench.form(BulkScoringBench.CITY, "基准市", "市", "BS"));
            for (int c = 1; c <= BulkScoringBench.COUNTIES; c++) {
                String county = BulkScoringBench.CITY + String.format("%02d", c);
                units.create(BulkScoringBench.form(county, "基准县" + c, "县", BulkScoringBench.CITY));
                for (int t = 1; t <= BulkScoringBench.TOWNSHIPS; t++) {
                    String town = county + String.format("%02d", t);
                    units.create(BulkScoringBench.form(town, "基准县" + c + "镇" + t, "乡镇", county));
                    townships.add(town);
                }
            }
        });
        Map<String, Integer> kinds = BulkScoringBench.seedSchools(jdbc, townships, schoolCount, String.valueOf(year));
        if (db.equals("postgres")) {
            jdbc.execute("analyze");
        }
        System.out.printf(
                "db=%s schools=%,d %s values=%,d; setup %.1f s (not measured)%n",
                db,
                schoolCount,
                kinds,
                jdbc.queryForObject("select count(*) from data_value", Long.class),
                (System.nanoTime() - setup) / 1e9);

        List<Double> times = new ArrayList<>();
        for (int round = 0; round <= 3; round++) {
            String name = round == 0 ? "balance(province) warm-up" : "balance(province) run " + round;
            InProcessApp.Measured m = InProcessApp.measure(name, () -> {
                BalanceView[] v = new BalanceView[1];
                Access.runAsSystem(() -> v[0] = balances.balance("BS", year));
                BalanceView.StageView primary = v[0].stage("PRIMARY");
                BalanceView.StageView junior = v[0].stage("JUNIOR");
                return "小学 parts=" + primary.indicators().get(0).schools().size()
                        + " 综合=" + primary.composite()
                        + " 初中 parts=" + junior.indicators().get(0).schools().size()
                        + " 综合=" + junior.composite()
                        + " counties ranked=" + primary.counties().size();
            });
            if (round > 0) {
                times.add(m.seconds());
            }
        }
        double median = times.stream().sorted().toList().get(times.size() / 2);
        System.out.printf(
                "median %.3f s over %d runs for %,d schools × 8 indicators × 2 stages (target < 1 s: %s)%n",
                median, times.size(), schoolCount, median < 1 ? "met" : "NOT met");
    }
}
