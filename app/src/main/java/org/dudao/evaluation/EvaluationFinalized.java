package org.dudao.evaluation;

import java.util.List;

/**
 * A school's result is final: awarded the plaque, or closed below 达标 (then rectification drafts items from the
 * lost points and fired vetoes).
 */
public record EvaluationFinalized(
        String project,
        String projectName,
        Long orgUnitId,
        String orgUnit,
        String unitPath,
        int year,
        Double total,
        String grade,
        boolean certified,
        List<Shortfall> shortfalls) {

    /**
     * What cost the school its grade: an indicator that lost points (with the engine's advice as the
     * requirement) or a fired veto (with its evidence).
     */
    public record Shortfall(String kind, String code, String name, double pointsLost, String requirement) {}
}
