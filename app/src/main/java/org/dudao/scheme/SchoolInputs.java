package org.dudao.scheme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.data.DataValues;
import org.dudao.engine.CompiledScheme;
import org.dudao.engine.SchoolType;
import org.dudao.org.Enrolment;
import org.dudao.org.Enrolments;
import org.dudao.org.OrgKind;
import org.springframework.stereotype.Component;

/**
 * What the engine reads of a school: the stored values of the items a scheme reads and the enrolment of the
 * same period (enter once), one school at a time or many at once on the engine's lean path. Scope is the
 * caller's business: it asks for units it has checked.
 */
@Component
public class SchoolInputs {

    private final DataValues values;

    SchoolInputs(DataValues values) {
        this.values = values;
    }

    /** One school's stored inputs: values by item (only items with a value) and enrolment (null: no figure). */
    public record Stored(Map<String, Double> values, Enrolment enrolment) {

        /** The enrolment as the engine counts it: a stage without a figure has no pupils. */
        public org.dudao.engine.Enrolment engineEnrolment() {
            return new org.dudao.engine.Enrolment(
                    zeroIfNull(enrolment.primary()), zeroIfNull(enrolment.junior()), zeroIfNull(enrolment.senior()));
        }
    }

    /** Many schools' inputs by the scheme's slots: values by item slot (NaN: none) and the enrolment. */
    public record Lean(double[] values, org.dudao.engine.Enrolment enrolment) {}

    /** A school's stored inputs for the items of {@code scheme} in {@code period}, in one query. */
    public Stored stored(CompiledScheme scheme, long unitId, String period) {
        Map<String, BigDecimal> stored = values.numbers(unitId, period, wanted(scheme));
        Map<String, Double> byItem = new LinkedHashMap<>();
        for (String item : scheme.items()) {
            BigDecimal d = stored.get(item);
            if (d != null) byItem.put(item, d.doubleValue());
        }
        return new Stored(byItem, Enrolments.of(stored));
    }

    /** The latest period with any of the scheme's items (enrolment included) stored for the school, or null. */
    public String latestPeriod(CompiledScheme scheme, long unitId) {
        return values.latestPeriod(unitId, wanted(scheme));
    }

    /**
     * The inputs of many schools, streamed into one array per school (no maps per value; built for a city of
     * 20,000 schools). Every unit asked for has an entry.
     */
    public Map<Long, Lean> lean(CompiledScheme scheme, Collection<Long> units, String period) {
        List<String> wanted = wanted(scheme);
        Map<Long, double[]> rows = new HashMap<>(units.size() * 2);
        for (Long unit : units) {
            double[] row = new double[wanted.size()];
            Arrays.fill(row, Double.NaN);
            rows.put(unit, row);
        }
        values.eachNumber(rows.keySet(), period, wanted, (unit, item, value) -> rows.get(unit)[item] = value);
        int slots = scheme.items().size();
        Map<Long, Lean> result = new HashMap<>(rows.size() * 2);
        rows.forEach((unit, row) -> result.put(
                unit,
                new Lean(
                        Arrays.copyOf(row, slots),
                        new org.dudao.engine.Enrolment(
                                count(row[slots]), count(row[slots + 1]), count(row[slots + 2])))));
        return result;
    }

    /** The engine's school type of an org kind; bodies that are not schools have no stage. */
    public static SchoolType schoolType(OrgKind kind) {
        try {
            return SchoolType.valueOf(kind.name());
        } catch (IllegalArgumentException e) {
            return SchoolType.OTHER;
        }
    }

    /** The scheme's items first, then the enrolment items: the slots of a lean row. */
    private static List<String> wanted(CompiledScheme scheme) {
        List<String> wanted = new ArrayList<>(scheme.items());
        wanted.addAll(Enrolments.ITEMS);
        return wanted;
    }

    private static int zeroIfNull(Integer n) {
        return n == null ? 0 : n;
    }

    private static int count(double v) {
        return Double.isNaN(v) ? 0 : (int) v;
    }
}
