package org.dudao.balance.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.dudao.balance.internal.BalanceView.CountyRank;
import org.dudao.balance.internal.BalanceView.IndicatorView;
import org.dudao.balance.internal.BalanceView.SchoolRef;
import org.dudao.balance.internal.BalanceView.SchoolValue;
import org.dudao.balance.internal.BalanceView.StageView;
import org.dudao.balance.internal.BalanceView.Threshold;
import org.dudao.balance.internal.BalanceView.Verdict;
import org.dudao.engine.Cv;
import org.dudao.engine.StageWeights;
import org.dudao.org.OrgUnitRef;
import org.springframework.stereotype.Component;

/**
 * Turns the schools' figures into the statistics of a stage (SPEC §4): per indicator the parts with a value, their
 * CV ({@link Cv}), the verdicts against the configured thresholds; the 综合差异系数 is the mean of the eight CVs and
 * exists only when all eight do.
 */
@Component
class Statistics {

    private final BalanceProperties properties;

    Statistics(BalanceProperties properties) {
        this.properties = properties;
    }

    StageWeights weights() {
        BalanceProperties.Weights w = properties.weights();
        return new StageWeights(w.primary(), w.junior(), w.senior());
    }

    BalanceView.Weights weightsView() {
        BalanceProperties.Weights w = properties.weights();
        return new BalanceView.Weights(
                w.primary(),
                w.junior(),
                w.senior(),
                Arrays.stream(Indicator.values())
                        .filter(Indicator::weighted)
                        .map(Indicator::code)
                        .toList());
    }

    Threshold threshold(Stage stage) {
        BalanceProperties.Thresholds t = properties.thresholds();
        return stage == Stage.PRIMARY
                ? new Threshold(BigDecimal.valueOf(t.basicPrimary()), BigDecimal.valueOf(t.qualityPrimary()))
                : new Threshold(BigDecimal.valueOf(t.basicJunior()), BigDecimal.valueOf(t.qualityJunior()));
    }

    /** The stage's statistics over {@code schools}; {@code counties} ranked when given (a city or province). */
    StageView stage(Stage stage, List<SchoolData.School> schools, List<County> counties) {
        List<OrgUnitRef> excluded = new ArrayList<>();
        List<Part> parts = SchoolData.parts(schools, stage, weights(), excluded);
        Threshold threshold = threshold(stage);
        List<IndicatorView> indicators = Arrays.stream(Indicator.values())
                .map(i -> indicator(i, stage, parts, threshold))
                .toList();
        BigDecimal composite = composite(indicators);
        return new StageView(
                stage.label(),
                stage.name(),
                indicators,
                composite,
                threshold,
                verdict(composite, threshold.basic()),
                verdict(composite, threshold.quality()),
                excluded.stream()
                        .map(r -> new SchoolRef(r.code(), r.name(), null))
                        .toList(),
                rank(stage, counties, threshold));
    }

    /** A county of a city (or province) with its schools, for the ranking. */
    record County(OrgUnitRef ref, List<SchoolData.School> schools) {}

    private List<CountyRank> rank(Stage stage, List<County> counties, Threshold threshold) {
        record Row(County county, BigDecimal composite) {}
        List<Row> rows = counties.stream()
                .map(c -> new Row(c, compositeOf(stage, c.schools())))
                .sorted(Comparator.comparing(Row::composite, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<CountyRank> ranks = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            ranks.add(new CountyRank(
                    r.composite() == null ? 0 : i + 1,
                    r.county().ref().code(),
                    r.county().ref().name(),
                    r.composite(),
                    verdict(r.composite(), threshold.basic()),
                    verdict(r.composite(), threshold.quality())));
        }
        return ranks;
    }

    /** Only the 综合差异系数 of a stage (the computed county items, the ranking, earlier years). */
    BigDecimal compositeOf(Stage stage, List<SchoolData.School> schools) {
        List<Part> parts = SchoolData.parts(schools, stage, weights(), new ArrayList<>());
        double sum = 0;
        for (Indicator i : Indicator.values()) {
            double cv = cv(i, parts).cv();
            if (Double.isNaN(cv)) {
                return null;
            }
            sum += round(cv).doubleValue();
        }
        return round(sum / Indicator.values().length);
    }

    private IndicatorView indicator(Indicator i, Stage stage, List<Part> parts, Threshold threshold) {
        List<Part> with = parts.stream()
                .filter(p -> !Double.isNaN(p.resources()[i.ordinal()]))
                .toList();
        Cv cv = cv(i, parts);
        List<SchoolValue> schools = new ArrayList<>();
        for (int k = 0; k < with.size(); k++) {
            Part p = with.get(k);
            double r = p.resources()[i.ordinal()];
            schools.add(new SchoolValue(
                    p.school().code(),
                    p.school().name(),
                    p.split() ? stage.label() : null,
                    (int) p.pupils(),
                    Math.round(r * 100) / 100.0,
                    Math.round(r / p.pupils() * i.scale() * 10_000) / 10_000.0,
                    Math.round(cv.shares()[k] * 10_000) / 10_000.0));
        }
        BigDecimal value = round(cv.cv());
        return new IndicatorView(
                i.code(),
                i.label(),
                i.unit(),
                i.scale(),
                round(cv.mean()),
                round(cv.sd()),
                value,
                threshold,
                verdict(value, threshold.basic()),
                verdict(value, threshold.quality()),
                schools,
                parts.stream()
                        .filter(p -> Double.isNaN(p.resources()[i.ordinal()]))
                        .map(p -> new SchoolRef(p.school().code(), p.school().name(), p.split() ? stage.label() : null))
                        .toList());
    }

    /** The CV of an indicator over the parts that have its value (NaN without any). */
    static Cv cv(Indicator i, List<Part> parts) {
        double[] r = parts.stream()
                .mapToDouble(p -> p.resources()[i.ordinal()])
                .filter(x -> !Double.isNaN(x))
                .toArray();
        double[] p = parts.stream()
                .filter(x -> !Double.isNaN(x.resources()[i.ordinal()]))
                .mapToDouble(Part::pupils)
                .toArray();
        return Cv.of(r, p, i.scale());
    }

    private static BigDecimal composite(List<IndicatorView> indicators) {
        if (indicators.stream().anyMatch(i -> i.cv() == null)) {
            return null;
        }
        double sum = indicators.stream().mapToDouble(i -> i.cv().doubleValue()).sum();
        return round(sum / indicators.size());
    }

    static Verdict verdict(BigDecimal cv, BigDecimal threshold) {
        return cv == null ? null : new Verdict(cv.compareTo(threshold) <= 0, threshold.subtract(cv));
    }

    static BigDecimal round(double x) {
        return Double.isNaN(x) || Double.isInfinite(x)
                ? null
                : BigDecimal.valueOf(x).setScale(4, RoundingMode.HALF_UP);
    }
}
