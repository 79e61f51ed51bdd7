package org.dudao.engine;

/**
 * The score of one indicator node for a unit. For a parent, the flags tell whether any leaf below
 * has that condition.
 *
 * @param unscored    a MANUAL leaf without a (valid) expert score
 * @param missingItem a quantitative leaf whose data item value is missing
 * @param noStandard  the leaf has no standard for the unit's stage, so it scores 0
 */
public record IndicatorScore(
        String code,
        String name,
        double score,
        double points,
        boolean bonus,
        boolean unscored,
        boolean missingItem,
        boolean noStandard) {}
