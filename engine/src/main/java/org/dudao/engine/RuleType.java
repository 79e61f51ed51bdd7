package org.dudao.engine;

/** How a leaf indicator turns its data into points (SPEC §2 "Leaf scoring rules"). */
public enum RuleType {
    /** Actual meets the standard (by {@link RuleDef#op()}) → full points, else 0. */
    THRESHOLD,
    /** points × min(1, actual / standard); a standard of 0 gives full points. */
    LINEAR,
    /** points − perOccurrence × count, floored at 0. */
    DEDUCTION,
    /** An expert enters 0..points with a reason. */
    MANUAL,
    /** min(points, perOccurrence × count), added on top of the normal total. */
    BONUS
}
