package org.dudao.balance.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dudao.data.DataValues;
import org.dudao.engine.Enrolment;
import org.dudao.engine.SchoolType;
import org.dudao.engine.StageWeights;
import org.dudao.org.Enrolments;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.springframework.stereotype.Component;

/**
 * Reads the stored values the statistics need (the eight resources and the enrolment per stage) for many schools
 * in one streamed query, and turns each school into its parts per stage: a single-stage school is one part, a
 * 九年一贯制 school a 小学 and a 初中 part, a 完全中学 its 初中 part (SPEC §4).
 */
@Component
class SchoolData {

    static final List<String> ITEMS = Stream.concat(
                    Arrays.stream(Indicator.values()).map(Indicator::code), Enrolments.ITEMS.stream())
            .toList();
    private static final int PUPILS = Indicator.values().length;

    private final DataValues values;

    SchoolData(DataValues values) {
        this.values = values;
    }

    /** A school of compulsory education and its stored figures by position in {@link #ITEMS} (NaN: none). */
    record School(OrgUnitRef ref, SchoolType type, double[] figures) {

        double pupils(Stage stage) {
            double p = figures[PUPILS + stage.ordinal()];
            return Double.isNaN(p) ? 0 : p;
        }

        Enrolment enrolment() {
            return new Enrolment(count(0), count(1), count(2));
        }

        private int count(int stage) {
            double p = figures[PUPILS + stage];
            return Double.isNaN(p) ? 0 : (int) p;
        }
    }

    /** Whether a unit of this kind teaches a compulsory stage (高中, 职高, 幼儿园 and other bodies do not). */
    static boolean counted(OrgKind kind) {
        return type(kind) != SchoolType.OTHER;
    }

    static SchoolType type(OrgKind kind) {
        return switch (kind) {
            case PRIMARY -> SchoolType.PRIMARY;
            case JUNIOR -> SchoolType.JUNIOR;
            case NINE_YEAR -> SchoolType.NINE_YEAR;
            case COMPLETE_SECONDARY -> SchoolType.COMPLETE_SECONDARY;
            default -> SchoolType.OTHER;
        };
    }

    static boolean teaches(SchoolType type, Stage stage) {
        return switch (type) {
            case PRIMARY -> stage == Stage.PRIMARY;
            case JUNIOR, COMPLETE_SECONDARY -> stage == Stage.JUNIOR;
            case NINE_YEAR, TWELVE_YEAR -> true;
            default -> false;
        };
    }

    /** The schools among {@code units} with their figures of {@code year}, in the order given. */
    List<School> load(List<OrgUnitRef> units, String year) {
        Map<Long, School> byId = new HashMap<>();
        List<School> schools = new ArrayList<>();
        for (OrgUnitRef u : units) {
            if (counted(u.kind())) {
                double[] figures = new double[ITEMS.size()];
                Arrays.fill(figures, Double.NaN);
                School s = new School(u, type(u.kind()), figures);
                byId.put(u.id(), s);
                schools.add(s);
            }
        }
        if (!schools.isEmpty()) {
            values.eachNumber(byId.keySet(), year, ITEMS, (unit, item, value) -> {
                School s = byId.get(unit);
                if (s != null) {
                    s.figures()[item] = value;
                }
            });
        }
        return schools;
    }

    /** The parts of {@code schools} counted in {@code stage}; schools teaching it without pupils go to {@code excluded}. */
    static List<Part> parts(List<School> schools, Stage stage, StageWeights weights, List<OrgUnitRef> excluded) {
        List<Part> parts = new ArrayList<>();
        for (School s : schools) {
            if (!teaches(s.type(), stage)) {
                continue;
            }
            double pupils = s.pupils(stage);
            if (!(pupils > 0)) {
                excluded.add(s.ref());
                continue;
            }
            boolean split = s.type() == SchoolType.NINE_YEAR
                    || s.type() == SchoolType.COMPLETE_SECONDARY
                    || s.type() == SchoolType.TWELVE_YEAR;
            double[] resources = new double[PUPILS];
            for (Indicator i : Indicator.values()) {
                double r = s.figures()[i.ordinal()];
                if (split && !Double.isNaN(r)) {
                    StageWeights w = i.weighted() ? weights : StageWeights.PLAIN;
                    r = w.apportion(s.type(), s.enrolment(), r)[stage.ordinal()];
                }
                resources[i.ordinal()] = r;
            }
            parts.add(new Part(s.ref(), split, pupils, resources));
        }
        return parts;
    }
}
