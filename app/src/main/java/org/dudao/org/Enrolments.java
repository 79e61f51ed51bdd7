package org.dudao.org;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dudao.data.DataValues;
import org.springframework.stereotype.Component;

/**
 * Enrolment (在校生数) is stored as three data items of a unit per year (enter once): this class owns their codes
 * and reads and writes them through the data values, for the org screens and for scoring.
 */
@Component
public class Enrolments {

    /** The data items of the pupils per stage: primary, junior, senior (in this order). */
    public static final List<String> ITEMS = List.of("students_primary", "students_junior", "students_senior");

    private final DataValues values;

    Enrolments(DataValues values) {
        this.values = values;
    }

    /** The enrolment among stored numbers by item code; null where a stage has no figure. */
    public static Enrolment of(Map<String, BigDecimal> stored) {
        return new Enrolment(
                intOf(stored.get(ITEMS.get(0))), intOf(stored.get(ITEMS.get(1))), intOf(stored.get(ITEMS.get(2))));
    }

    /** A unit's enrolment and the year it is for. */
    public record Dated(Enrolment enrolment, String year) {}

    /**
     * The enrolment of units in {@code year}, in one query; a school without figures that year shows the latest
     * year with figures, so an older import still shows.
     */
    public Map<Long, Dated> of(List<OrgUnitRef> units, String year) {
        List<Long> ids = units.stream().map(OrgUnitRef::id).toList();
        Map<Long, Map<String, BigDecimal>> stored = values.numbers(ids, year, ITEMS);
        Map<Long, Dated> result = new HashMap<>();
        for (OrgUnitRef u : units) {
            Map<String, BigDecimal> e = stored.getOrDefault(u.id(), Map.of());
            String at = year;
            if (e.isEmpty() && u.kind().isSchool()) {
                String latest = values.latestPeriod(u.id(), ITEMS);
                if (latest != null) {
                    at = latest;
                    e = values.numbers(u.id(), latest, ITEMS);
                }
            }
            result.put(u.id(), new Dated(of(e), at));
        }
        return result;
    }

    /** Writes a unit's enrolment for a year; a stage without a count is cleared. */
    public void write(long unitId, String path, String year, Enrolment enrolment) {
        Integer[] counts = {enrolment.primary(), enrolment.junior(), enrolment.senior()};
        for (int i = 0; i < counts.length; i++) {
            values.putNumber(
                    unitId, path, year, ITEMS.get(i), counts[i] == null ? null : BigDecimal.valueOf(counts[i]));
        }
    }

    private static Integer intOf(BigDecimal d) {
        return d == null ? null : d.intValue();
    }
}
