package org.dudao.engine;

/**
 * How much one pupil of each stage weighs when a combined school's shared resource is split between
 * stages: the share of stage s is R·w_s·N_s / Σ w_t·N_t.
 *
 * <p>Scoring (SPEC §2) uses the plain enrolment ratio, {@link #PLAIN}. The balanced-development
 * statistics (SPEC §4) weigh 小学:初中:高中 = 1 : 1.1 : 1.32, {@link #STATISTICS}, which gives the
 * source's 九年一贯制 1 : 1.1, 完全中学 1 : 1.2 and 十二年一贯制 1 : 1.1 : 1.32.
 */
public record StageWeights(double primary, double junior, double senior) {

    public static final StageWeights PLAIN = new StageWeights(1, 1, 1);
    public static final StageWeights STATISTICS = new StageWeights(1, 1.1, 1.32);

    public StageWeights {
        if (!(primary > 0 && junior > 0 && senior > 0)) {
            throw new IllegalArgumentException("stage weights must be positive");
        }
    }

    /**
     * Splits a whole-school resource between the stages the type teaches, e.g. 九年一贯制 166 + 210
     * pupils, 23,226 books, {@link #STATISTICS} → {≈9,712, ≈13,514, 0}. Single-stage types keep it
     * all in their stage; units without a stage get zeros.
     */
    public double[] apportion(SchoolType type, Enrolment e, double resource) {
        double p = 0, j = 0, s = 0;
        switch (type) {
            case PRIMARY -> p = 1;
            case JUNIOR -> j = 1;
            case SENIOR, VOCATIONAL -> s = 1;
            case NINE_YEAR -> {
                p = primary * e.primary();
                j = junior * e.junior();
            }
            case COMPLETE_SECONDARY -> {
                j = junior * e.junior();
                s = senior * e.senior();
            }
            case TWELVE_YEAR -> {
                p = primary * e.primary();
                j = junior * e.junior();
                s = senior * e.senior();
            }
            default -> {}
        }
        double sum = p + j + s;
        if (sum <= 0) {
            return new double[3];
        }
        return new double[] {resource * p / sum, resource * j / sum, resource * s / sum};
    }
}
