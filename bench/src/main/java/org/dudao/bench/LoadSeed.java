package org.dudao.bench;

import java.util.List;
import javax.sql.DataSource;
import org.dudao.evaluation.BulkScoring;
import org.dudao.shared.Access;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seeds the database of {@code bench/load.sh} (DUDAO_DB_URL, default …/dudao_loadbench, cleaned first): the
 * bulk-scoring city of 20,000 schools with this year's values, the project over it scored once (so that ranked
 * lists and the dashboard show grades), and the first administrator {@code admin} (password {@code bench-Passw0rd!}, as in every in-process
 * benchmark).
 * The app nodes are then started from the jar on the same database.
 *
 * <p>Usage: {@code LoadSeed [schools]}.
 */
public final class LoadSeed {

    private LoadSeed() {}

    public static void main(String[] args) throws Exception {
        int schoolCount = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        ConfigurableApplicationContext app =
                InProcessApp.start("postgres", "jdbc:postgresql://127.0.0.1:5432/dudao_loadbench", "unused", List.of());
        try {
            String project = BulkScoringBench.seedCity(app, "postgres", schoolCount);
            BulkScoring.Run[] run = new BulkScoring.Run[1];
            Access.runAsSystem(() -> run[0] = app.getBean(BulkScoring.class).scoreAll(project));
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            System.out.printf(
                    "project %s scored: %s; units %,d, values %,d%n",
                    project,
                    run[0].byGrade(),
                    jdbc.queryForObject("select count(*) from org_unit", Long.class),
                    jdbc.queryForObject("select count(*) from data_value", Long.class));
        } finally {
            app.close();
        }
    }
}
