package org.dudao.engine;

/**
 * The enrolment-weighted coefficient of variation (差异系数) of a per-pupil indicator across schools (SPEC §4): with
 * resource R_i and pupils P_i, X_i = R_i / P_i, X̄ = Σ R_i / Σ P_i (= Σ P_i X_i / Σ P_i), S = sqrt(Σ P_i (X_i − X̄)² /
 * Σ P_i), CV = S / X̄. {@code shares[i]} is school i's part of the variance, P_i (X_i − X̄)² / Σ P_j (X_j − X̄)². The
 * worked example X = (10, 20, 30), P = (100, 100, 200) gives X̄ = 22.5, S = 8.2916, CV = 0.3685. Every figure is
 * per pupil times {@code scale} (100 for "per hundred pupils"); CV does not depend on the scale.
 */
public record Cv(double mean, double sd, double cv, double[] shares) {

    /** CV of resources {@code r} over pupils {@code p} (both per school, p_i > 0); NaN figures without pupils. */
    public static Cv of(double[] r, double[] p, double scale) {
        if (r.length != p.length) {
            throw new IllegalArgumentException("one resource per school");
        }
        double total = 0, pupils = 0;
        for (int i = 0; i < r.length; i++) {
            if (!(p[i] > 0) || r[i] < 0) {
                throw new IllegalArgumentException("pupils must be positive, resources not negative");
            }
            total += r[i];
            pupils += p[i];
        }
        if (pupils == 0) {
            return new Cv(Double.NaN, Double.NaN, Double.NaN, new double[0]);
        }
        double mean = total / pupils;
        double[] shares = new double[r.length];
        double sum = 0;
        for (int i = 0; i < r.length; i++) {
            double d = r[i] / p[i] - mean;
            shares[i] = p[i] * d * d;
            sum += shares[i];
        }
        for (int i = 0; i < r.length; i++) {
            shares[i] = sum == 0 ? 0 : shares[i] / sum;
        }
        double sd = Math.sqrt(sum / pupils);
        double cv = mean == 0 ? Double.NaN : sd / mean;
        return new Cv(mean * scale, sd * scale, cv, shares);
    }

    /** Per-pupil values of the schools, times {@code scale}. */
    public static double[] perPupil(double[] r, double[] p, double scale) {
        double[] x = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            x[i] = r[i] / p[i] * scale;
        }
        return x;
    }
}
