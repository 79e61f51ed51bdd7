package org.dudao.balance.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * The balance of a node in a year: per stage the eight indicators (enrolment-weighted mean, S, CV to 4 decimals,
 * thresholds and verdicts, every school's per-pupil value and share of the variance, schools whose value is missing),
 * the 综合差异系数, the schools without pupils in the stage, and for a city or province its counties ranked.
 */
public record BalanceView(String unit, String name, int year, Weights weights, List<StageView> stages) {

    /** The stage weights in force and the indicators they split. */
    public record Weights(double primary, double junior, double senior, List<String> splits) {}

    public record Threshold(BigDecimal basic, BigDecimal quality) {}

    /** Whether a CV is within a threshold and by how much (threshold − CV; negative: above it). */
    public record Verdict(boolean met, BigDecimal margin) {}

    public record StageView(
            String stage,
            String key,
            List<IndicatorView> indicators,
            BigDecimal composite,
            Threshold threshold,
            Verdict basic,
            Verdict quality,
            List<SchoolRef> excluded,
            List<CountyRank> counties) {}

    public record IndicatorView(
            String code,
            String name,
            String unit,
            double scale,
            BigDecimal mean,
            BigDecimal sd,
            BigDecimal cv,
            Threshold threshold,
            Verdict basic,
            Verdict quality,
            List<SchoolValue> schools,
            List<SchoolRef> missing) {}

    /**
     * A school (or the stage's part of a combined one) in an indicator: pupils, its part of the resource (2 decimals),
     * per-pupil value and share of the variance (4 decimals). Plain numbers: a province has a hundred thousand.
     */
    public record SchoolValue(
            String code, String name, String part, int enrolment, double value, double perPupil, double share) {}

    public record SchoolRef(String code, String name, String part) {}

    /** A county's 综合差异系数 in the stage and its rank (1 = most balanced) among the node's counties. */
    public record CountyRank(
            int rank, String code, String name, BigDecimal composite, Verdict basic, Verdict quality) {}

    public StageView stage(String key) {
        return stages.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
    }
}
