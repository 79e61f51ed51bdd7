package org.dudao.engine;

import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a unit lost and what it would take to improve: for each leaf with lost points the value
 * that gives full points and the additional resource in the item's own unit (accounting for
 * per-pupil standards and combined-school apportioning), then the cheapest set of gaps whose
 * recovered points reach the next grade.
 *
 * <p><b>Cost of a gap.</b> For THRESHOLD and LINEAR items: the relative shortfall
 * |additional| / |required| (1,000 more books on 29,000 required costs 0.034), so a small top-up
 * is cheap and building from scratch costs 1. A missing data item, a DEDUCTION (removing the
 * counted occurrences) and a MANUAL gap (expert judgement to improve) cost a fixed 1.0. A gap is
 * closed whole: a LINEAR leaf recovers all its lost points when its full standard is met.
 * Bonus leaves are extra credit, not gaps, and are left out.
 *
 * <p><b>Choice.</b> Minimise the total cost of gaps whose recovered points (in whole cents,
 * rounded down) reach the target's min: exact 0/1 covering knapsack by dynamic programming over
 * cents when gaps × cents ≤ {@value #DP_LIMIT}, else greedy by cost per point with a pass that drops
 * gaps no longer needed.
 */
public final class GapAnalysis {

    static final int DP_LIMIT = 4_000_000;
    private static final double MANUAL_COST = 1.0, FIXED_COST = 1.0;

    private GapAnalysis() {}

    public static GapReport analyse(
            CompiledScheme scheme,
            SchoolType type,
            Enrolment enrolment,
            Map<String, Double> values,
            Map<String, ManualScore> manual) {
        return analyse(scheme, type, enrolment, scheme.values(values), manual);
    }

    public static GapReport analyse(
            CompiledScheme scheme,
            SchoolType type,
            Enrolment enrolment,
            double[] values,
            Map<String, ManualScore> manual) {
        ScoreResult result = scheme.score(type, enrolment, values, manual);
        StageContext c = StageContext.of(type, enrolment, scheme.weights);
        List<Gap> gaps = new ArrayList<>();
        for (int i = 0; i < scheme.leafCount; i++) {
            Gap g = gap(scheme, c, i, values, result.indicators().get(scheme.leafNode[i]));
            if (g != null) gaps.add(g);
        }
        return new GapReport(result, List.copyOf(gaps), plan(scheme, result, gaps));
    }

    /** Re-scores the unit with some item values changed, e.g. "what if we buy 1,000 books". */
    public static ScoreResult whatIf(
            CompiledScheme scheme,
            SchoolType type,
            Enrolment enrolment,
            double[] values,
            Map<String, ManualScore> manual,
            Map<String, Double> changes) {
        double[] v = values.clone();
        changes.forEach((item, x) -> {
            int s = scheme.slotOf(item);
            if (s < 0) throw new IllegalArgumentException("scheme does not read item " + item);
            v[s] = x == null ? Double.NaN : x;
        });
        return scheme.score(type, enrolment, v, manual);
    }

    private static Gap gap(CompiledScheme s, StageContext c, int i, double[] values, IndicatorScore score) {
        double lost = score.points() - score.score();
        RuleType rule = RuleType.values()[s.type[i]];
        if (!(lost > 1e-9) || rule == RuleType.BONUS || score.noStandard()) return null;
        String code = score.code(), name = score.name();
        if (rule == RuleType.MANUAL) {
            String advice =
                    score.unscored() ? "尚未评分，最多可得 " + fmt(score.points()) + " 分" : "专家评分还可提高 " + fmt(lost) + " 分";
            return new Gap(code, name, rule, null, lost, score.score(), score.points(), lost, MANUAL_COST, advice);
        }
        String item = s.items[s.slot[i]];
        double v = values[s.slot[i]];
        if (rule == RuleType.DEDUCTION) {
            if (Double.isNaN(v)) return missing(code, name, rule, item, lost, 0);
            return new Gap(
                    code,
                    name,
                    rule,
                    item,
                    lost,
                    v,
                    0,
                    -v,
                    FIXED_COST,
                    "需消除 " + fmt(v) + " 次（" + item + "），每次扣 " + fmt(s.per[i]) + " 分");
        }
        double standard = c.standard(s.sP[i], s.sJ[i], s.sS[i]);
        double required = s.perPupil[i] ? c.requiredTotal(s.sP[i], s.sJ[i], s.sS[i]) : standard;
        if (Double.isNaN(required) || Double.isInfinite(required)) return null;
        if (Double.isNaN(v)) return missing(code, name, rule, item, lost, required);
        double additional = required - v;
        double cost = required != 0 ? Math.abs(additional) / Math.abs(required) : FIXED_COST;
        return new Gap(
                code,
                name,
                rule,
                item,
                lost,
                v,
                required,
                additional,
                cost,
                advice(Op.values()[s.op[i]], item, additional, s.perPupil[i], standard));
    }

    private static Gap missing(String code, String name, RuleType rule, String item, double lost, double required) {
        return new Gap(
                code, name, rule, item, lost, Double.NaN, required, required, FIXED_COST, "缺少数据项 " + item + "，请补录");
    }

    private static String advice(Op op, String item, double additional, boolean perPupil, double standard) {
        String target = (perPupil ? "生均" : "")
                + switch (op) {
                    case GE -> "达到 ";
                    case GT -> "超过 ";
                    case LE -> "不超过 ";
                    case LT -> "低于 ";
                    case EQ -> "等于 ";
                }
                + fmt(standard);
        String change = additional >= 0 ? "还需增加 " + fmt(additional) : "需减少 " + fmt(-additional);
        return change + "（" + item + "），" + target;
    }

    static GradePlan plan(CompiledScheme s, ScoreResult r, List<Gap> gaps) {
        int current = s.grades().indexOf(r.grade());
        if (current == 0) {
            return new GradePlan(r.grade(), null, 0, List.of(), 0, true, true, List.of());
        }
        int target = current - 1;
        GradeDef t = s.grades[target];
        List<FiredVeto> blocking = r.vetoes().stream()
                .filter(v -> s.grades().indexOf(v.capAt()) > target)
                .toList();
        long minCents =
                t.minExclusive() ? (long) Math.floor(t.min() * 100 + 1e-7) + 1 : (long) Math.ceil(t.min() * 100 - 1e-7);
        long need = minCents - Math.round(r.total() * 100);
        if (need <= 0) {
            return new GradePlan(r.grade(), t.name(), 0, List.of(), 0, true, true, blocking);
        }
        int n = gaps.size();
        long[] cents = new long[n];
        long all = 0;
        for (int i = 0; i < n; i++) {
            cents[i] = (long) Math.floor(gaps.get(i).pointsLost() * 100 + 1e-7);
            all += cents[i];
        }
        double needed = need / 100.0;
        if (all < need) {
            return new GradePlan(r.grade(), t.name(), needed, gaps, totalCost(gaps), false, true, blocking);
        }
        boolean exact = (long) n * (need + 1) <= DP_LIMIT;
        boolean[] chosen = exact ? cheapestExact(gaps, cents, (int) need) : cheapestGreedy(gaps, cents, need);
        List<Gap> close = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (chosen[i]) close.add(gaps.get(i));
        }
        return new GradePlan(r.grade(), t.name(), needed, List.copyOf(close), totalCost(close), true, exact, blocking);
    }

    /** 0/1 covering knapsack: best[c] = least cost recovering at least c cents. */
    private static boolean[] cheapestExact(List<Gap> gaps, long[] cents, int need) {
        int n = gaps.size();
        double[] best = new double[need + 1];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        best[0] = 0;
        boolean[][] take = new boolean[n][need + 1];
        for (int i = 0; i < n; i++) {
            if (cents[i] == 0) continue;
            double cost = gaps.get(i).cost();
            int w = (int) Math.min(cents[i], need);
            // downwards, so best[c - w] is still without gap i (each gap once); up to w the gap alone covers c
            for (int c = need; c > w; c--) {
                double with = best[c - w] + cost;
                if (with < best[c]) {
                    best[c] = with;
                    take[i][c] = true;
                }
            }
            for (int c = w; c >= 1; c--) {
                if (cost < best[c]) {
                    best[c] = cost;
                    take[i][c] = true;
                }
            }
        }
        boolean[] chosen = new boolean[n];
        int c = need;
        for (int i = n - 1; i >= 0 && c > 0; i--) {
            if (take[i][c]) {
                chosen[i] = true;
                c = (int) Math.max(0, c - cents[i]);
            }
        }
        return chosen;
    }

    /** Cheapest cost per point first, then drop the dearest gaps that turned out unnecessary. */
    private static boolean[] cheapestGreedy(List<Gap> gaps, long[] cents, long need) {
        int n = gaps.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(
                order,
                Comparator.comparingDouble(i ->
                        cents[i] == 0 ? Double.POSITIVE_INFINITY : gaps.get(i).cost() / cents[i]));
        boolean[] chosen = new boolean[n];
        long got = 0;
        for (int k = 0; k < n && got < need; k++) {
            chosen[order[k]] = true;
            got += cents[order[k]];
        }
        for (int k = n - 1; k >= 0; k--) {
            int i = order[k];
            if (chosen[i] && got - cents[i] >= need) {
                chosen[i] = false;
                got -= cents[i];
            }
        }
        return chosen;
    }

    private static double totalCost(List<Gap> gaps) {
        double sum = 0;
        for (Gap g : gaps) sum += g.cost();
        return sum;
    }

    /** 1,000 or 9,490.5: grouped, at most 2 decimals. */
    static String fmt(double d) {
        return new DecimalFormat("#,##0.##").format(d);
    }
}
