package org.dudao.cases;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 通报批评 entries of cases (the escalation's last stage, five working days after the 催办通知书) for the
 * 目标考核: how many fell in a period, per unit the case was with, and the points each costs
 * ({@code dudao.cases.criticism-points}). Like the other statistics read by reports it takes the path of a unit the
 * caller has already checked, and checks no scope itself.
 */
@Service
public class CaseCriticisms {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final BigDecimal pointsEach;

    CaseCriticisms(
            JdbcTemplate jdbc, Clock clock, @Value("${dudao.cases.criticism-points:0.5}") BigDecimal pointsEach) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.pointsEach = pointsEach;
    }

    /** Points off the 目标考核 score per 通报批评. */
    public BigDecimal pointsEach() {
        return pointsEach;
    }

    /**
     * Per unit path (the unit that had the case) the 通报批评 entries made from {@code from} to {@code to}
     * inclusive, days in the configured zone, under {@code scopePath}. Merged cases do not count.
     */
    @Transactional(readOnly = true)
    public Map<String, Long> countByUnit(LocalDate from, LocalDate to, String scopePath) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                "select c.unit_path, count(*) from case_escalation e join case_file c on c.id = e.case_id"
                        + " where e.stage = 'CRITICISM' and e.at >= ? and e.at < ? and c.unit_path like ?"
                        + " and c.status <> 'MERGED' group by c.unit_path order by c.unit_path",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                },
                from.atStartOfDay(clock.getZone()).toInstant().atOffset(ZoneOffset.UTC),
                to.plusDays(1).atStartOfDay(clock.getZone()).toInstant().atOffset(ZoneOffset.UTC),
                scopePath + "%");
        return counts;
    }

    /** The entries under {@code unitPath} among those counted by {@link #countByUnit}. */
    public static long under(Map<String, Long> counts, String unitPath) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().startsWith(unitPath))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
