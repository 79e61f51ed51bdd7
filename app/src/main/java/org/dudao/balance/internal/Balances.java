package org.dudao.balance.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.dudao.balance.internal.BalanceView.StageView;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.Grant;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The balance statistics of a node for report readers: the unit must be readable (else 404) and the caller one of
 * {@link Role#REPORT_READERS} covering it (403); a node without schools of compulsory education is refused naming
 * {@code unit}. Everything is computed from stored values on each call; nothing is saved.
 */
@Service
public class Balances {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Balances.class);

    /** How many earlier years the trend looks back. */
    static final int HISTORY = 4;

    private final OrgUnits orgUnits;
    private final SchoolData data;
    private final Statistics statistics;
    private final Clock clock;

    Balances(OrgUnits orgUnits, SchoolData data, Statistics statistics, Clock clock) {
        this.orgUnits = orgUnits;
        this.data = data;
        this.statistics = statistics;
        this.clock = clock;
    }

    /** The schools of a node in one year, read once for every figure of a screen. */
    record Area(OrgUnitRef unit, List<OrgUnitRef> units, int year, List<SchoolData.School> schools) {}

    @Transactional(readOnly = true)
    public BalanceView balance(String unit, Integer year) {
        return view(area(unit, year));
    }

    /** An earlier year's 综合差异系数 per stage. */
    public record YearRow(int year, BigDecimal primary, BigDecimal junior) {}

    /** The years before {@code year} (up to {@value #HISTORY}) with any figure, oldest first, and {@code year}. */
    @Transactional(readOnly = true)
    public List<YearRow> history(String unit, Integer year) {
        Area area = area(unit, year);
        List<YearRow> rows = new ArrayList<>();
        for (int y = area.year() - HISTORY; y <= area.year(); y++) {
            List<SchoolData.School> schools = y == area.year() ? area.schools() : data.load(area.units(), y + "");
            YearRow row = new YearRow(
                    y, statistics.compositeOf(Stage.PRIMARY, schools), statistics.compositeOf(Stage.JUNIOR, schools));
            if (row.primary() != null || row.junior() != null || y == area.year()) {
                rows.add(row);
            }
        }
        return rows;
    }

    Area area(String unit, Integer year) {
        long start = System.nanoTime();
        OrgUnitRef ref = unit(unit);
        int y = year(year);
        List<OrgUnitRef> units = orgUnits.subtree(ref.code());
        long tree = System.nanoTime();
        List<SchoolData.School> schools = data.load(units, String.valueOf(y));
        log.debug(
                "balance of {}: {} units in {} ms, values of {} schools in {} ms",
                ref.code(),
                units.size(),
                (tree - start) / 1_000_000,
                schools.size(),
                (System.nanoTime() - tree) / 1_000_000);
        if (schools.isEmpty()) {
            throw InvalidInputException.of("unit", "balance.error.no-schools", ref.name());
        }
        return new Area(ref, units, y, schools);
    }

    BalanceView view(Area area) {
        long start = System.nanoTime();
        List<Statistics.County> counties = counties(area);
        List<StageView> stages = Arrays.stream(Stage.values())
                .map(s -> statistics.stage(s, area.schools(), counties))
                .toList();
        log.debug("statistics of {} in {} ms", area.unit().code(), (System.nanoTime() - start) / 1_000_000);
        return new BalanceView(area.unit().code(), area.unit().name(), area.year(), statistics.weightsView(), stages);
    }

    /** The counties below a city or province with their schools (none for a county or township). */
    private static List<Statistics.County> counties(Area area) {
        List<Statistics.County> counties = new ArrayList<>();
        for (OrgUnitRef u : area.units()) {
            if (u.kind().level() == OrgKind.Level.COUNTY
                    && !u.id().equals(area.unit().id())) {
                counties.add(new Statistics.County(
                        u,
                        area.schools().stream()
                                .filter(s -> s.ref().path().startsWith(u.path()))
                                .toList()));
            }
        }
        return counties;
    }

    private OrgUnitRef unit(String code) {
        if (code == null || code.isBlank()) {
            throw InvalidInputException.of("unit", "error.required");
        }
        OrgUnitRef unit = orgUnits.readable(code.trim());
        Access.requireRole(unit.path(), Role.REPORT_READERS, "org unit " + unit.code());
        return unit;
    }

    private int year(Integer year) {
        if (year == null) {
            return Year.now(clock).getValue();
        }
        if (year < 2000 || year > 2100) {
            throw InvalidInputException.of("year", "error.range", 2000, 2100);
        }
        return year;
    }

    /** The unit the page opens with: the caller's widest report reader grant (null when it has none). */
    public String home() {
        return Access.grants().stream()
                .filter(g -> Role.REPORT_READERS.contains(g.role()) && g.orgUnitId() != null)
                .min(Comparator.comparingInt(
                        (Grant g) -> g.path() == null ? 0 : g.path().length()))
                .map(g -> orgUnits.readable(g.orgUnitId()).code())
                .orElse(null);
    }

    public int thisYear() {
        return Year.now(clock).getValue();
    }
}
