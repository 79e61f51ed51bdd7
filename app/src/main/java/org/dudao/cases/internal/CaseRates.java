package org.dudao.cases.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rates of SPEC §8 over the cases received in a period, counted exactly and rounded to two decimals only at the
 * end: 处结率 = closed / received; 按期办结率 = closed on time / closed; 回访率 = called back / closed; 满意率 =
 * satisfied / called back. Duplicates merged into another case are not counted. A rate with nothing to divide by
 * is null.
 */
@Service
public class CaseRates {

    private static final String COUNT = "select count(*),"
            + " coalesce(sum(case when status = 'CLOSED' then 1 else 0 end), 0),"
            + " coalesce(sum(case when status = 'CLOSED' and closed_on <= due then 1 else 0 end), 0),"
            + " coalesce(sum(case when status = 'CLOSED' and called_back then 1 else 0 end), 0),"
            + " coalesce(sum(case when status = 'CLOSED' and called_back and satisfied then 1 else 0 end), 0)"
            + " from case_file where unit_path like ? and received_on between ? and ? and status <> 'MERGED'";

    private final JdbcTemplate jdbc;
    private final OrgUnits orgUnits;
    private final Clock clock;

    CaseRates(JdbcTemplate jdbc, OrgUnits orgUnits, Clock clock) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.clock = clock;
    }

    public record Rates(
            long received,
            long closed,
            long closedOnTime,
            long calledBack,
            long satisfied,
            BigDecimal closureRate,
            BigDecimal onTimeRate,
            BigDecimal callbackRate,
            BigDecimal satisfactionRate) {

        static Rates of(long received, long closed, long onTime, long calledBack, long satisfied) {
            return new Rates(
                    received,
                    closed,
                    onTime,
                    calledBack,
                    satisfied,
                    rate(closed, received),
                    rate(onTime, closed),
                    rate(calledBack, closed),
                    rate(satisfied, calledBack));
        }
    }

    /** The period asked for: {@code from} … {@code to}, by default this year up to today. */
    public record Period(LocalDate from, LocalDate to) {}

    public Period period(String from, String to) {
        Problems problems = new Problems();
        LocalDate today = LocalDate.now(clock);
        LocalDate start = date(problems, "from", from, today.withDayOfYear(1));
        LocalDate end = date(problems, "to", to, today);
        if (start != null && end != null && end.isBefore(start)) problems.add("to", "cases.error.period");
        problems.throwIfAny();
        return new Period(start, end);
    }

    /** The rates of the cases of a unit's subtree (or of the caller's whole scope) received in the period. */
    @Transactional(readOnly = true)
    public Rates rates(String unit, String from, String to) {
        Period p = period(from, to);
        List<String> paths = unit == null || unit.isBlank()
                ? Access.outermostPathsWith(Role.STAFF)
                : List.of(orgUnits.readable(unit.strip()).path());
        long[] sum = new long[5];
        for (String path : paths) {
            jdbc.query(
                    COUNT,
                    rs -> {
                        for (int i = 0; i < 5; i++) sum[i] += rs.getLong(i + 1);
                    },
                    path + "%",
                    p.from(),
                    p.to());
        }
        return Rates.of(sum[0], sum[1], sum[2], sum[3], sum[4]);
    }

    /** {@code part / whole} as a percentage rounded half up to two decimals (39,860 / 39,903 → 99.89). */
    static BigDecimal rate(long part, long whole) {
        if (whole == 0) return null;
        return BigDecimal.valueOf(part)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    private static LocalDate date(Problems problems, String field, String text, LocalDate otherwise) {
        if (text == null || text.isBlank()) return otherwise;
        try {
            LocalDate d = LocalDate.parse(text.strip());
            return problems.saneDate(field, d) ? d : null;
        } catch (DateTimeParseException e) {
            problems.add(field, "cases.error.date");
            return null;
        }
    }
}
