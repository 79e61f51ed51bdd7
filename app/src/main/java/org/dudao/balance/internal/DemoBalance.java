package org.dudao.balance.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dudao.data.DataValues;
import org.dudao.org.Enrolments;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile only: the eight resources of every school of compulsory education in both demo counties for this
 * year and last, where none is stored yet (the scheme demo already stored some schools' figures this year). 青山县
 * keeps its schools close together (under the 优质均衡 thresholds); 东湖区's old town schools have little sports
 * ground and few computers, so those indicators stay above them. Idempotent: skipped when last year's figures exist.
 */
@Component
@Profile("demo")
@Order(35)
class DemoBalance implements ApplicationRunner {

    private static final List<String> COUNTIES = List.of("JB0101", "JB0102");
    /** Per pupil of 小学 and 初中 as the provincial standards (computers and teachers per pupil). */
    private static final Map<Indicator, double[]> STANDARD = Map.of(
            Indicator.TEACHING_ROOM, new double[] {4.5, 5.8},
            Indicator.SPORTS, new double[] {7.5, 10.2},
            Indicator.EQUIPMENT, new double[] {2000, 2500},
            Indicator.COMPUTERS, new double[] {0.15, 0.2},
            Indicator.BOOKS, new double[] {25, 35},
            Indicator.TEACHERS, new double[] {0.0526, 0.0741},
            Indicator.TEACHERS_DEGREE, new double[] {0.042, 0.053},
            Indicator.TEACHERS_TITLE, new double[] {0.025, 0.035});

    private final OrgUnits orgUnits;
    private final DataValues values;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Random random = new Random(4);

    DemoBalance(OrgUnits orgUnits, DataValues values, TransactionTemplate tx, Clock clock) {
        this.orgUnits = orgUnits;
        this.values = values;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int now = Year.now(clock).getValue();
        Access.runAsSystem(() -> {
            OrgUnitRef first = orgUnits.readable(COUNTIES.get(0) + "93");
            if (!values.numbers(first.id(), String.valueOf(now - 1), List.of("books"))
                    .isEmpty()) {
                return;
            }
            for (String county : COUNTIES) {
                for (OrgUnitRef u : orgUnits.subtree(county)) {
                    if (SchoolData.counted(u.kind())) {
                        tx.executeWithoutResult(s -> seed(u, county.equals("JB0102"), now));
                    }
                }
            }
        });
    }

    private void seed(OrgUnitRef school, boolean uneven, int now) {
        // 东湖区's 街道 schools (湖滨, 东城, 新华, 南湖: townships 01–04) sit in the old town
        boolean oldTown = uneven
                && school.code().length() > 8
                && school.code().substring(6, 8).compareTo("04") <= 0;
        for (int year : new int[] {now - 1, now}) {
            Map<String, BigDecimal> e = values.numbers(school.id(), String.valueOf(year), Enrolments.ITEMS);
            double p = n(e.get("students_primary")), j = n(e.get("students_junior"));
            if (p + j <= 0) {
                continue;
            }
            Map<String, BigDecimal> stored = values.numbers(school.id(), String.valueOf(year), SchoolData.ITEMS);
            for (Indicator i : Indicator.values()) {
                if (stored.containsKey(i.code())) {
                    continue;
                }
                double factor = factor(i, uneven, oldTown) * (year == now ? 1 : 0.96);
                double total = (p * STANDARD.get(i)[0] + j * STANDARD.get(i)[1]) * factor;
                BigDecimal value = i.whole()
                        ? BigDecimal.valueOf(Math.max(1, Math.round(total)))
                        : BigDecimal.valueOf(total).setScale(2, RoundingMode.HALF_UP);
                values.putNumber(school.id(), school.path(), String.valueOf(year), i.code(), value);
            }
        }
    }

    private double factor(Indicator i, boolean uneven, boolean oldTown) {
        if (!uneven) {
            return 0.9 + 0.3 * random.nextDouble();
        }
        if (i == Indicator.SPORTS || i == Indicator.COMPUTERS) {
            // cramped old town grounds and labs against new rural boarding schools
            return oldTown ? 0.1 + 0.15 * random.nextDouble() : 1.0 + 1.4 * random.nextDouble();
        }
        return 0.75 + 0.6 * random.nextDouble();
    }

    private static double n(BigDecimal d) {
        return d == null ? 0 : d.doubleValue();
    }
}
