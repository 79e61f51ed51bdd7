package org.dudao.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.dudao.support.AsSystem;
import org.dudao.support.ModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The value store on audit alone: one value per unit, item and period; a stale batch writes nothing. */
@ModuleTest
class DataModuleTest {

    @Autowired
    DataValues values;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBatchWithOneStaleWriteWritesNothingAndHistoryKeepsEveryChange() {
        // the org feature is not loaded here: one unit row stands in for the tree
        jdbc.update("insert into org_unit (code, name, kind, path, depth, created_at, updated_at)"
                + " values ('D-S', '数据小学', 'PRIMARY', '/d/', 0, current_timestamp, current_timestamp)");
        long unit = jdbc.queryForObject("select id from org_unit where code = 'D-S'", Long.class);
        DataItem pupils = values.item("students_primary");
        DataItem juniors = values.item("students_junior");

        AsSystem.get(() -> values.putNumber(unit, "/d/", "2026", "students_primary", new BigDecimal("400")));
        AsSystem.get(() -> values.putNumber(unit, "/d/", "2026", "students_primary", new BigDecimal("410")));

        WriteOutcome outcome = AsSystem.get(() -> values.writeAll(
                List.of(
                        new ValueWrite(unit, "/d/", juniors, "2026", new BigDecimal("90"), null, null),
                        new ValueWrite(unit, "/d/", pupils, "2026", new BigDecimal("999"), null, 0)),
                "API",
                false));

        assertThat(outcome.refused()).isTrue();
        assertThat(outcome.stale())
                .singleElement()
                .satisfies(s -> assertThat(s.current().num()).isEqualByComparingTo("410"));
        assertThat(values.numbers(unit, "2026", List.of("students_primary", "students_junior")))
                .containsOnlyKeys("students_primary")
                .hasEntrySatisfying("students_primary", n -> assertThat(n).isEqualByComparingTo("410"));
        assertThat(values.history(unit, pupils.getId(), "2026"))
                .extracting(HistoryEntry::newNum)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyInAnyOrder(new BigDecimal("400"), new BigDecimal("410"));
    }
}
