package org.dudao.engine;

/**
 * The standard a quantitative leaf is measured against: one number for every school, or one per
 * stage (小学/初中/高中) because the national standards differ by stage. A null stage means the
 * indicator has no standard for that stage.
 */
public record Standard(Double primary, Double junior, Double senior) {

    /** The same standard for every stage and for units without a stage (幼儿园, other bodies). */
    public static Standard of(double value) {
        return new Standard(value, value, value);
    }

    public static Standard perStage(Double primary, Double junior, Double senior) {
        return new Standard(primary, junior, senior);
    }

    /** True when all stages share one value, so it also applies to units without a stage. */
    public boolean uniform() {
        return primary != null && primary.equals(junior) && primary.equals(senior);
    }

    boolean isEmpty() {
        return primary == null && junior == null && senior == null;
    }
}
