package org.dudao.engine;

/**
 * Where an addition to a resource lowers its 差异系数 most (SPEC §4 what-if). With R = Σ R_i and P = Σ P_i fixed
 * after spending a budget B, CV² + 1 = P · Σ (R_i² / P_i) / R², so the best allocation minimises Σ (R_i + a_i)² /
 * P_i subject to Σ a_i = B, a_i ≥ 0: a convex problem whose optimum (KKT) lifts the schools with the lowest
 * per-pupil values to one common level L ("water filling"), a_i = max(0, L·P_i − R_i). This is the exact optimum for
 * a divisible budget — what a greedy allocation of small steps by marginal CV reduction converges to — and spending
 * the whole budget never raises the CV. Whole units (books, computers) are rounded down per school and the rest
 * handed out one unit at a time to the school whose CV reduction is largest, so the result is within one unit per
 * school of the divisible optimum.
 */
public final class CvAllocation {

    private CvAllocation() {}

    /** The addition per school; {@code whole}: only whole units. */
    public static double[] allocate(double[] r, double[] p, double budget, boolean whole) {
        int n = r.length;
        double[] a = new double[n];
        if (n == 0 || !(budget > 0)) {
            return a;
        }
        double level = level(r, p, budget);
        for (int i = 0; i < n; i++) {
            a[i] = Math.max(0, level * p[i] - r[i]);
        }
        if (!whole) {
            return a;
        }
        double left = Math.floor(budget + 1e-9);
        for (int i = 0; i < n; i++) {
            a[i] = Math.floor(a[i] + 1e-9);
            left -= a[i];
        }
        for (; left >= 1; left--) {
            int best = 0;
            double bestLevel = Double.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                // the next unit goes where the per-pupil value after it is lowest (largest reduction of Σ x²/p)
                double after = (r[i] + a[i] + 0.5) / p[i];
                if (after < bestLevel) {
                    bestLevel = after;
                    best = i;
                }
            }
            a[best]++;
        }
        return a;
    }

    /** The common per-pupil level L with Σ max(0, L·P_i − R_i) = budget (bisection; exact to rounding). */
    static double level(double[] r, double[] p, double budget) {
        double lo = Double.MAX_VALUE, hi = 0;
        for (int i = 0; i < r.length; i++) {
            lo = Math.min(lo, r[i] / p[i]);
            hi = Math.max(hi, r[i] / p[i]);
        }
        // at the highest value plus the budget over the smallest school, every school needs more than the budget
        hi += budget / minPupils(p);
        for (int k = 0; k < 200; k++) {
            double mid = (lo + hi) / 2;
            double need = 0;
            for (int i = 0; i < r.length; i++) {
                need += Math.max(0, mid * p[i] - r[i]);
            }
            if (need > budget) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return lo;
    }

    private static double minPupils(double[] p) {
        double m = Double.MAX_VALUE;
        for (double x : p) {
            m = Math.min(m, x);
        }
        return m;
    }

    /** The CV after adding {@code a} to {@code r}. */
    public static double cvAfter(double[] r, double[] p, double[] a) {
        double[] sum = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            sum[i] = r[i] + a[i];
        }
        return Cv.of(sum, p, 1).cv();
    }

    /**
     * The smallest budget whose best allocation brings the CV to at most {@code threshold}: 0 when it is already
     * there; NaN when no budget can (a threshold below 0). The CV after the optimal allocation falls as the budget
     * grows, so bisection finds it; whole units round up.
     */
    public static double smallestBudget(double[] r, double[] p, double threshold, boolean whole) {
        if (r.length == 0 || !(threshold >= 0)) {
            return Double.NaN;
        }
        double[] none = new double[r.length];
        if (cvAfter(r, p, none) <= threshold) {
            return 0;
        }
        double hi = 1;
        while (cvAfter(r, p, allocate(r, p, hi, false)) > threshold) {
            hi *= 2;
            if (hi > 1e15) {
                return Double.NaN;
            }
        }
        double lo = 0;
        for (int k = 0; k < 100; k++) {
            double mid = (lo + hi) / 2;
            if (cvAfter(r, p, allocate(r, p, mid, false)) > threshold) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        if (!whole) {
            return hi;
        }
        double b = Math.ceil(hi - 1e-9);
        while (cvAfter(r, p, allocate(r, p, b, true)) > threshold) {
            b++;
        }
        return b;
    }
}
