package org.dudao.scheme.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dudao.data.DataValues;
import org.dudao.org.Enrolments;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.scheme.SchemeDoc;
import org.dudao.shared.Access;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile only: the four schemes of the city 临川市 (JB01), shared with both counties (义务教育学校标准化建设评估,
 * 教育工作先进县督导评估, 教育装备示范学校评估, 均衡发展八项指标), and this year's values of the items they read for
 * the schools of a few townships and for the two counties, so what-if and gap analysis have something to show.
 * 城关中心小学 is just short of 达标: a few hundred books and some safety incidents. Last year's values of the two
 * 小学 that got their plaque then (for evaluation's demo of the whole flow). Idempotent.
 */
@Component
@Profile("demo")
@Order(30)
class DemoSchemes implements ApplicationRunner {

    static final String OWNER = "JB01";
    /** Townships (and counties, for their 县属 schools) whose schools get demo values. */
    private static final List<String> AREAS = List.of("JB010101", "JB010102", "JB010103", "JB010201", "JB010202");
    /** 小学 that got their plaque last year (evaluation.DemoEvaluations): last year's figures, every standard met. */
    private static final List<String> LAST_YEAR_PLAQUES = List.of("JB01010304", "JB01010305");

    private static final Logger log = LoggerFactory.getLogger(DemoSchemes.class);

    private final SchemeEditor schemes;
    private final OrgUnits orgUnits;
    private final DataValues values;
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Random random = new Random(1000);

    DemoSchemes(
            SchemeEditor schemes,
            OrgUnits orgUnits,
            DataValues values,
            ObjectMapper json,
            TransactionTemplate tx,
            Clock clock) {
        this.schemes = schemes;
        this.orgUnits = orgUnits;
        this.values = values;
        this.json = json;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        // one transaction per unit keeps the persistence context small, so seeding stays fast
        Access.runAsSystem(() -> {
            tx.executeWithoutResult(s -> seedSchemes());
            seedValues();
            String lastYear = String.valueOf(Year.now(clock).getValue() - 1);
            LAST_YEAR_PLAQUES.forEach(code -> tx.executeWithoutResult(s -> seedPlaqueSchool(code, lastYear)));
        });
    }

    private void seedSchemes() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:scheme/demo/*.json");
            java.util.Arrays.sort(files, java.util.Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                SchemeDoc doc;
                try (InputStream in = file.getInputStream()) {
                    doc = json.readValue(in, SchemeDoc.class);
                }
                if (!schemes.exists(doc.code())) {
                    schemes.save(new SchemeDoc(
                            doc.code(),
                            doc.name(),
                            doc.maxScore(),
                            doc.grades(),
                            doc.indicators(),
                            doc.vetoes(),
                            null,
                            OWNER,
                            null,
                            null,
                            "示范方案（演示数据）",
                            null));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("demo schemes", e);
        }
    }

    private void seedValues() {
        long started = System.nanoTime();
        String year = String.valueOf(Year.now(clock).getValue());
        OrgUnitRef first = orgUnits.readable("JB0101");
        if (!values.numbers(first.id(), year, List.of("dropout_rate_junior")).isEmpty()) {
            return;
        }
        for (String county : List.of("JB0101", "JB0102")) {
            OrgUnitRef c = orgUnits.readable(county);
            boolean qs = county.equals("JB0101");
            Map<String, Double> v = new LinkedHashMap<>();
            // cv_primary and cv_junior (综合差异系数) are computed by the balance feature from the schools' values
            v.put("dropout_rate_junior", qs ? 0.8 : 1.6);
            // 东湖区 still has old D-grade buildings: above 3% caps it at 合格县 (SPEC §2, source 001)
            v.put("danger_d_ratio", qs ? 0.6 : 4.2);
            v.put("danger_d_area", qs ? 1850.0 : 12400.0);
            v.put("standardized_school_rate", qs ? 86.0 : 78.0);
            v.put("major_accidents", 0.0);
            tx.executeWithoutResult(s -> put(c, year, v));
        }
        int seeded = 0;
        for (String area : AREAS) {
            for (OrgUnitRef unit : orgUnits.subtree(area)) {
                if (unit.kind().isSchool() && unit.kind() != OrgKind.KINDERGARTEN) {
                    tx.executeWithoutResult(s -> seedSchool(unit, year));
                    seeded++;
                }
            }
        }
        log.info(
                "demo scheme values for {} schools ({}) in {} ms",
                seeded,
                year,
                (System.nanoTime() - started) / 1_000_000);
    }

    private void seedSchool(OrgUnitRef unit, String year) {
        Map<String, BigDecimal> e = values.numbers(unit.id(), year, Enrolments.ITEMS);
        double p = n(e.get("students_primary")), j = n(e.get("students_junior")), s = n(e.get("students_senior"));
        double pupils = p + j + s;
        if (pupils <= 0) {
            return;
        }
        // per-pupil standards of the stages, weighted by enrolment
        boolean special = unit.code().equals("JB01010101");
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("building_area", need(p * 6.0 + j * 8.0 + s * 9.0, special ? 1.1 : f(0.85, 1.3)));
        v.put("teaching_room_area", need(p * 4.5 + j * 5.8 + s * 5.0, special ? 1.05 : f(0.85, 1.25)));
        v.put("sports_area", need(p * 7.5 + j * 10.2 + s * 10.0, special ? 0.6 : f(0.7, 1.3)));
        v.put("equipment_value", need(p * 2000 + j * 2500 + s * 3000, special ? 1.05 : f(0.7, 1.3)));
        v.put("computers", Math.floor(need(p * 0.15 + j * 0.2 + s * 0.2, special ? 0.8 : f(0.6, 1.2))));
        // 城关中心小学 holds 24 books per pupil against a standard of 25
        v.put("books", Math.floor(special ? p * 24 + j * 34 : need(p * 25 + j * 35 + s * 45, f(0.85, 1.35))));
        v.put("teachers", Math.ceil(need(p * 0.0526 + j * 0.0741 + s * 0.0769, special ? 1.02 : f(0.85, 1.2))));
        v.put("teachers_above_degree", Math.ceil(need(p * 0.042 + j * 0.053 + s * 0.02, special ? 1.1 : f(0.7, 1.4))));
        v.put("teachers_senior_title", Math.ceil(need(p * 0.025 + j * 0.035 + s * 0.04, special ? 1.1 : f(0.7, 1.4))));
        boolean old = !special && random.nextInt(12) == 0;
        v.put("danger_d_area", old ? Math.round(f(80, 600)) * 1.0 : 0.0);
        v.put("danger_d_in_use", old && random.nextBoolean() ? 1.0 : 0.0);
        v.put("safety_incidents", special ? 3.0 : random.nextInt(10) < 7 ? 0.0 : 1.0 + random.nextInt(2));
        v.put("major_accidents", 0.0);
        v.put("criminal_cases", 0.0);
        v.put("fitness_pass_rate", special ? 93.5 : Math.round(f(84, 98) * 10) / 10.0);
        v.put("experiment_rate", special ? 96.0 : Math.round(f(85, 100)));
        v.put("equipment_awards", special ? 1.0 : random.nextInt(4));
        put(unit, year, v);
    }

    /** A 小学 meeting every standard with room to spare, with no incidents (once: skipped when it has books). */
    private void seedPlaqueSchool(String code, String year) {
        OrgUnitRef unit = orgUnits.readableByCode(List.of(code)).get(code);
        if (unit == null || !values.numbers(unit.id(), year, List.of("books")).isEmpty()) {
            return;
        }
        double p = n(values.numbers(unit.id(), year, Enrolments.ITEMS).get("students_primary"));
        if (p <= 0) {
            return;
        }
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("building_area", need(p * 6.0, 1.15));
        v.put("teaching_room_area", need(p * 4.5, 1.15));
        v.put("sports_area", need(p * 7.5, 1.15));
        v.put("equipment_value", need(p * 2000, 1.15));
        v.put("computers", Math.ceil(p * 0.15 * 1.15));
        v.put("books", Math.ceil(p * 25 * 1.15));
        v.put("teachers", Math.ceil(p * 0.0526 * 1.15));
        v.put("teachers_above_degree", Math.ceil(p * 0.042 * 1.15));
        v.put("teachers_senior_title", Math.ceil(p * 0.025 * 1.15));
        for (String none :
                List.of("danger_d_area", "danger_d_in_use", "safety_incidents", "major_accidents", "criminal_cases")) {
            v.put(none, 0.0);
        }
        v.put("fitness_pass_rate", 96.0);
        v.put("experiment_rate", 98.0);
        v.put("equipment_awards", 2.0);
        put(unit, year, v);
    }

    private void put(OrgUnitRef unit, String year, Map<String, Double> v) {
        v.forEach((item, x) -> values.putNumber(
                unit.id(), unit.path(), year, item, BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_UP)));
    }

    private static double need(double standardTotal, double factor) {
        return Math.round(standardTotal * factor * 100) / 100.0;
    }

    private double f(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    private static double n(BigDecimal d) {
        return d == null ? 0 : d.doubleValue();
    }
}
