package org.dudao.engine;

/**
 * A score band (等级). A total reaches it when total ≥ min, or total > min if {@code minExclusive};
 * the lowest band catches every total below the others, whatever its min.
 */
public record GradeDef(String name, double min, boolean minExclusive) {

    public static GradeDef atLeast(String name, double min) {
        return new GradeDef(name, min, false);
    }

    boolean reachedBy(double total) {
        return minExclusive ? total > min : total >= min;
    }
}
