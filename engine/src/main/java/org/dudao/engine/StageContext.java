package org.dudao.engine;

/**
 * What a unit's type and enrolment mean for every leaf, worked out once per unit so the leaf loop
 * only multiplies:
 * <ul>
 * <li>the standard is {@code (kP·sP + kJ·sJ + kS·sS) / kSum}: the stage's own standard for a
 * single-stage school, the enrolment-weighted mean for 九年一贯制/十二年一贯制 (SPEC §2), the 初中
 * standard for a 完全中学, which "is scored as an 初中";</li>
 * <li>a per-pupil actual is {@code value × scale}, {@code scale = 1 / denominator}: the stage
 * enrolment; the whole enrolment for 九年一贯制/十二年一贯制 (whole resource over whole enrolment);
 * for a 完全中学 the 初中 share of the resource, R·wJ·J/(wJ·J + wS·S), over J, i.e. denominator
 * (wJ·J + wS·S)/wJ.</li>
 * </ul>
 * For 九年一贯制 the comparison is value ≥ Σ N_s·s_s whatever the stage weights, so the weights
 * only change the outcome where a resource is really split off, i.e. the 完全中学 junior share.
 */
final class StageContext {

    static final int P = 1, J = 2, S = 4, UNIFORM = 8;
    final double kP, kJ, kS, invK;
    /** Stage bits a leaf's standard must have to apply to this unit. */
    final int need;

    final double scale, denominator;

    private StageContext(double kP, double kJ, double kS, int need, double denominator) {
        double sum = kP + kJ + kS;
        this.kP = kP;
        this.kJ = kJ;
        this.kS = kS;
        this.invK = 1 / sum;
        this.need = need;
        this.denominator = denominator;
        this.scale = denominator > 0 ? 1 / denominator : Double.NaN;
    }

    static StageContext of(SchoolType type, Enrolment e, StageWeights w) {
        int p = e.primary(), j = e.junior(), s = e.senior();
        return switch (type) {
            case PRIMARY -> new StageContext(1, 0, 0, P, p);
            case JUNIOR -> new StageContext(0, 1, 0, J, j);
            case SENIOR, VOCATIONAL -> new StageContext(0, 0, 1, S, s);
            case NINE_YEAR -> combined(p, j, 0, P | J);
            case TWELVE_YEAR -> combined(p, j, s, P | J | S);
            case COMPLETE_SECONDARY ->
                new StageContext(0, 1, 0, J, j > 0 ? (w.junior() * j + w.senior() * s) / w.junior() : 0);
            case KINDERGARTEN, OTHER -> new StageContext(1, 0, 0, UNIFORM, e.total());
        };
    }

    /** Only stages with pupils take part; a 九年一贯制 school without 初中 pupils is scored as a 小学. */
    private static StageContext combined(int p, int j, int s, int stages) {
        int need = (p > 0 ? P : 0) | (j > 0 ? J : 0) | (s > 0 ? S : 0);
        if (need == 0) {
            // No pupils at all: keep equal weights so rates still have a standard; per-pupil is NaN.
            return new StageContext(
                    (stages & P) != 0 ? 1 : 0, (stages & J) != 0 ? 1 : 0, (stages & S) != 0 ? 1 : 0, stages, 0);
        }
        return new StageContext(p, j, s, need, p + j + s);
    }

    /** The standard of a leaf for this unit (valid only when the leaf's stage bits cover {@link #need}). */
    double standard(double sP, double sJ, double sS) {
        return (kP * sP + kJ * sJ + kS * sS) * invK;
    }

    /**
     * The whole-unit total of a per-pupil item that meets the standard: exact for integer data
     * (600·25 + 400·35 = 29,000) because it avoids dividing and multiplying back.
     */
    double requiredTotal(double sP, double sJ, double sS) {
        double kSum = kP + kJ + kS;
        double weighted = kP * sP + kJ * sJ + kS * sS;
        return denominator == kSum ? weighted : weighted * (denominator / kSum);
    }
}
