package org.dudao.balance.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.dudao.balance.internal.BalanceView.Threshold;
import org.dudao.engine.Cv;
import org.dudao.engine.CvAllocation;
import org.dudao.org.OrgUnitRef;
import org.dudao.shared.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Which schools should get the next N books to lower the CV most?" — the optimal allocation of a budget in an
 * indicator's unit across the parts of a stage ({@link CvAllocation}: exact for a divisible budget, within one unit
 * per school for whole units), the CV before and after, and the smallest additions that bring the indicator to the
 * 基本 and 优质均衡 thresholds. Nothing is saved.
 */
@Service
public class WhatIf {

    private static final BigDecimal MAX_BUDGET = new BigDecimal("1e12");

    private final Balances balances;
    private final Statistics statistics;

    WhatIf(Balances balances, Statistics statistics) {
        this.balances = balances;
        this.statistics = statistics;
    }

    public record Request(String unit, Integer year, String indicator, String stage, BigDecimal budget) {}

    public record Allocation(
            String code,
            String name,
            String part,
            int enrolment,
            BigDecimal value,
            BigDecimal add,
            BigDecimal perPupilBefore,
            BigDecimal perPupilAfter) {}

    public record Result(
            String unit,
            int year,
            String indicator,
            String name,
            String resourceUnit,
            String stage,
            BigDecimal budget,
            BigDecimal cvBefore,
            BigDecimal cvAfter,
            BigDecimal meanBefore,
            BigDecimal meanAfter,
            Threshold threshold,
            BigDecimal toBasic,
            BigDecimal toQuality,
            List<Allocation> allocation) {}

    @Transactional(readOnly = true)
    public Result run(Request request) {
        Balances.Area area = balances.area(request.unit(), request.year());
        Problems problems = new Problems();
        Indicator indicator = Indicator.parse(request.indicator()).orElse(null);
        if (indicator == null) {
            problems.add("indicator", "balance.error.indicator");
        }
        Stage stage = Stage.parse(request.stage()).orElse(null);
        if (stage == null) {
            problems.add("stage", "balance.error.stage");
        }
        BigDecimal budget = request.budget();
        if (budget == null) {
            problems.add("budget", "error.required");
        } else if (budget.signum() < 0 || budget.compareTo(MAX_BUDGET) > 0) {
            problems.add("budget", "error.range", 0, MAX_BUDGET.toPlainString());
        } else if (indicator != null
                && indicator.whole()
                && budget.stripTrailingZeros().scale() > 0) {
            problems.add("budget", "balance.error.whole");
        } else if (budget.stripTrailingZeros().scale() > 2) {
            problems.add("budget", "balance.error.decimals");
        }
        problems.throwIfAny();
        List<Part> parts = SchoolData.parts(area.schools(), stage, statistics.weights(), new ArrayList<>()).stream()
                .filter(p -> !Double.isNaN(p.resources()[indicator.ordinal()]))
                .toList();
        double[] r = parts.stream()
                .mapToDouble(p -> p.resources()[indicator.ordinal()])
                .toArray();
        double[] p = parts.stream().mapToDouble(Part::pupils).toArray();
        double[] add = CvAllocation.allocate(r, p, budget.doubleValue(), indicator.whole());
        double[] after = new double[r.length];
        List<Allocation> rows = new ArrayList<>();
        for (int i = 0; i < r.length; i++) {
            after[i] = r[i] + add[i];
            OrgUnitRef school = parts.get(i).school();
            rows.add(new Allocation(
                    school.code(),
                    school.name(),
                    parts.get(i).split() ? stage.label() : null,
                    (int) p[i],
                    BigDecimal.valueOf(r[i]).setScale(2, RoundingMode.HALF_UP),
                    BigDecimal.valueOf(add[i]).setScale(2, RoundingMode.HALF_UP),
                    Statistics.round(r[i] / p[i] * indicator.scale()),
                    Statistics.round(after[i] / p[i] * indicator.scale())));
        }
        Cv before = Cv.of(r, p, indicator.scale());
        Cv now = Cv.of(after, p, indicator.scale());
        Threshold threshold = statistics.threshold(stage);
        return new Result(
                area.unit().code(),
                area.year(),
                indicator.code(),
                indicator.label(),
                indicator.unit(),
                stage.label(),
                budget,
                Statistics.round(before.cv()),
                Statistics.round(now.cv()),
                Statistics.round(before.mean()),
                Statistics.round(now.mean()),
                threshold,
                smallest(r, p, threshold.basic(), indicator),
                smallest(r, p, threshold.quality(), indicator),
                rows);
    }

    private static BigDecimal smallest(double[] r, double[] p, BigDecimal threshold, Indicator indicator) {
        if (r.length == 0) {
            return null;
        }
        double b = CvAllocation.smallestBudget(r, p, threshold.doubleValue(), indicator.whole());
        return Double.isNaN(b) ? null : BigDecimal.valueOf(b).setScale(indicator.whole() ? 0 : 2, RoundingMode.CEILING);
    }
}
