package org.dudao.report.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * 目标考核 of the townships of a county, the counties of a city (or one township itself) for a year. A row sums
 * the unit's lines, one per project of the year that concerns it; {@code lateItems} counts its rectification
 * items whose deadline fell in the year and passed before 销号, each costing {@code deductionPerItem} once;
 * {@code criticisms} the 通报批评 of its cases made in the year, each costing {@code pointsPerCriticism}.
 * {@code deduction} is both together.
 */
public record Assessment(
        String orgUnit,
        String name,
        int year,
        BigDecimal deductionPerItem,
        BigDecimal pointsPerCriticism,
        List<Row> rows,
        List<ProjectRef> projects) {

    public record Row(
            String orgUnit,
            String name,
            int target,
            long passed,
            BigDecimal weight,
            BigDecimal completion,
            long lateItems,
            long criticisms,
            BigDecimal deduction,
            BigDecimal score,
            List<Line> lines) {}

    /** One project's part of a row; {@code targetSet}/{@code weightSet} are false where the default applies. */
    public record Line(
            String project,
            String orgUnit,
            int target,
            boolean targetSet,
            long passed,
            BigDecimal weight,
            boolean weightSet,
            BigDecimal completion,
            int version) {}

    /** A project of the year; {@code editable} when the caller may set its targets and weights. */
    public record ProjectRef(String code, String name, boolean editable) {}
}
