package org.dudao.evaluation;

/**
 * A school's result is final: awarded the plaque, or closed below 达标 (then rectification drafts items from the
 * lost points and fired vetoes).
 */
public record EvaluationFinalized(String project, Long orgUnitId, String orgUnit, String unitPath, int year,
        Double total, String grade, boolean certified) {
}
