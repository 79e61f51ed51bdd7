package org.dudao.engine;

/**
 * Points a unit lost on one leaf and what it takes to win them back, in the item's own unit.
 *
 * @param pointsLost points − score
 * @param current    the item's current value (for a per-pupil item the whole-unit total, e.g. books
 *                   held; for DEDUCTION the count; for MANUAL the expert score); NaN when missing
 * @param required   the value that gives full points (per-pupil: the whole-unit total needed after
 *                   combined-school apportioning; DEDUCTION: 0 occurrences; MANUAL: full points)
 * @param additional required − current: resource to add (negative: to reduce; DEDUCTION: minus the
 *                   occurrences to remove; MANUAL: points still available)
 * @param cost       how hard the gap is to close, see {@link GapAnalysis}
 * @param advice     one line for the unit, e.g. "还需增加 1,000（图书册数），生均达到 29"
 */
public record Gap(
        String indicator,
        String name,
        RuleType rule,
        String item,
        double pointsLost,
        double current,
        double required,
        double additional,
        double cost,
        String advice) {}
