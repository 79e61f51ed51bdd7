package org.dudao.cases.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnitView;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.Grant;
import org.dudao.shared.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases dashboard of a unit's subtree for a period: the rates, cases by channel and category, the ageing of
 * open cases, and per subordinate unit its counts and rates, ranked by 按期办结率 then 处结率 (the overdue ones
 * last among equals). Counted in the database, one query per table and one per subordinate unit.
 */
@Service
public class CaseDashboard {

    static final String WHERE =
            " from case_file where unit_path like ? and received_on between ? and ?" + " and status <> 'MERGED'";

    private final CaseRates rates;
    private final OrgUnits orgUnits;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CaseDashboard(CaseRates rates, OrgUnits orgUnits, JdbcTemplate jdbc, Clock clock) {
        this.rates = rates;
        this.orgUnits = orgUnits;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Count(String key, long count) {}

    public record UnitRow(String code, String name, long overdue, CaseRates.Rates rates) {}

    public record Dashboard(
            String unit,
            String unitName,
            LocalDate from,
            LocalDate to,
            CaseRates.Rates rates,
            long open,
            long overdue,
            List<Count> channels,
            List<Count> categories,
            List<Count> ageing,
            List<UnitRow> units) {}

    @Transactional(readOnly = true)
    public Dashboard dashboard(String unitCode, String from, String to) {
        CaseRates.Period p = rates.period(from, to);
        OrgUnitRef unit = unitCode == null || unitCode.isBlank() ? home() : orgUnits.readable(unitCode.strip());
        Access.requireRead(unit.path(), "org unit " + unit.code());
        String like = unit.path() + "%";
        CaseRates.Rates all = rates.rates(unit.code(), p.from().toString(), p.to().toString());
        List<Count> channels = counts("channel", like, p);
        List<Count> categories = jdbc.query(
                "select k.name, count(c.id) from case_category k left join case_file c on c.category = k.code"
                        + " and c.unit_path like ? and c.received_on between ? and ? and c.status <> 'MERGED'"
                        + " group by k.name, k.sort_order order by k.sort_order",
                (rs, i) -> new Count(rs.getString(1), rs.getLong(2)),
                like,
                p.from(),
                p.to());
        LocalDate today = LocalDate.now(clock);
        Map<String, Long> ages = new LinkedHashMap<>();
        for (String k : List.of("le5", "le13", "le30", "gt30")) ages.put(k, 0L);
        long[] open = new long[2];
        jdbc.query(
                "select received_on, due" + WHERE + " and status <> 'CLOSED'",
                rs -> {
                    LocalDate received = rs.getObject(1, LocalDate.class);
                    long days = java.time.temporal.ChronoUnit.DAYS.between(received, today);
                    ages.merge(days <= 5 ? "le5" : days <= 13 ? "le13" : days <= 30 ? "le30" : "gt30", 1L, Long::sum);
                    open[0]++;
                    if (today.isAfter(rs.getObject(2, LocalDate.class))) open[1]++;
                },
                like,
                p.from(),
                p.to());
        List<UnitRow> units = unitRows(unit, p, today);
        units.sort(Comparator.comparing((UnitRow u) -> rateOrZero(u.rates().onTimeRate()))
                .thenComparing(u -> rateOrZero(u.rates().closureRate()))
                .reversed()
                .thenComparing(UnitRow::overdue)
                .thenComparing(UnitRow::code));
        return new Dashboard(
                unit.code(),
                unit.name(),
                p.from(),
                p.to(),
                all,
                open[0],
                open[1],
                channels,
                categories,
                ages.entrySet().stream()
                        .map(e -> new Count(e.getKey(), e.getValue()))
                        .toList(),
                units);
    }

    /**
     * Per subordinate unit its counts, overdue cases and rates, from one scan grouped by the cases' units and
     * folded into the child whose path they lie under (a city's 300,000 cases in one pass, not two per county).
     */
    private List<UnitRow> unitRows(OrgUnitRef unit, CaseRates.Period p, LocalDate today) {
        List<OrgUnitView> children = orgUnits.children(unit.code());
        Map<Long, OrgUnitRef> refs =
                orgUnits.refs(children.stream().map(OrgUnitView::id).toList());
        Map<String, OrgUnitRef> byPath = new LinkedHashMap<>();
        children.forEach(c -> byPath.put(refs.get(c.id()).path(), refs.get(c.id())));
        Map<String, long[]> sums = new LinkedHashMap<>();
        jdbc.query(
                "select unit_path, count(*),"
                        + " coalesce(sum(case when status = 'CLOSED' then 1 else 0 end), 0),"
                        + " coalesce(sum(case when status = 'CLOSED' and closed_on <= due then 1 else 0 end), 0),"
                        + " coalesce(sum(case when status = 'CLOSED' and called_back then 1 else 0 end), 0),"
                        + " coalesce(sum(case when status = 'CLOSED' and called_back and satisfied then 1 else 0 end),"
                        + " 0), coalesce(sum(case when status <> 'CLOSED' and due < ? then 1 else 0 end), 0)"
                        + WHERE + " group by unit_path",
                rs -> {
                    String path = rs.getString(1);
                    long[] row = new long[6];
                    for (int i = 0; i < 6; i++) row[i] = rs.getLong(i + 2);
                    byPath.keySet().stream()
                            .filter(path::startsWith)
                            .findFirst()
                            .ifPresent(child -> {
                                long[] sum = sums.computeIfAbsent(child, k -> new long[6]);
                                for (int i = 0; i < 6; i++) sum[i] += row[i];
                            });
                },
                today,
                unit.path() + "%",
                p.from(),
                p.to());
        List<UnitRow> units = new ArrayList<>();
        byPath.forEach((path, ref) -> {
            long[] s = sums.get(path);
            if (s != null && s[0] > 0) {
                units.add(new UnitRow(ref.code(), ref.name(), s[5], CaseRates.Rates.of(s[0], s[1], s[2], s[3], s[4])));
            }
        });
        return units;
    }

    private List<Count> counts(String column, String like, CaseRates.Period p) {
        return jdbc.query(
                "select " + column + ", count(*)" + WHERE + " group by " + column + " order by " + column,
                (rs, i) -> new Count(rs.getString(1), rs.getLong(2)),
                like,
                p.from(),
                p.to());
    }

    private static java.math.BigDecimal rateOrZero(java.math.BigDecimal rate) {
        return rate == null ? java.math.BigDecimal.ZERO : rate;
    }

    /** The unit of the caller's widest grant. */
    private OrgUnitRef home() {
        Grant widest = Access.grants().stream()
                .filter(g -> Role.STAFF.contains(g.role()))
                .min(Comparator.comparingInt(
                        (Grant g) -> g.path() == null ? 0 : g.path().length()))
                .orElse(null);
        if (widest != null && widest.orgUnitId() != null) {
            return orgUnits.readable(widest.orgUnitId());
        }
        return orgUnits.readable(orgUnits.children(null).get(0).code());
    }
}
