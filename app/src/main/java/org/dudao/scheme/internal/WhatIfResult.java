package org.dudao.scheme.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.dudao.scheme.SchemeDoc;

/**
 * The score of one unit under a scheme version with everything the unit lost and what it takes to win it
 * back. Nothing of it is stored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WhatIfResult(
        String scheme,
        int version,
        String unit,
        String unitName,
        String period,
        String kind,
        WhatIfRequest.Enrolment enrolment,
        Map<String, Double> values,
        double total,
        String grade,
        String gradeByScore,
        List<VetoHit> vetoes,
        List<IndicatorResult> indicators,
        List<GapView> gaps,
        Plan nextGrade,
        List<String> unscored,
        List<String> missingItems,
        List<String> missingReasons,
        List<SchemeDoc.Problem> problems,
        boolean complete) {

    /** A veto that fired, with its evidence. */
    public record VetoHit(
            String code,
            String name,
            String item,
            String itemName,
            String op,
            double threshold,
            double value,
            String capAt,
            String evidence) {}

    /** One node of the tree in pre-order; {@code depth} 0 is a 一级指标. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorResult(
            String code,
            String name,
            int depth,
            boolean leaf,
            double score,
            double points,
            double pointsLost,
            Boolean bonus,
            Boolean unscored,
            Boolean missingItem,
            Boolean noStandard) {}

    /**
     * Points lost on a leaf and what gives them back: {@code required} is the value that gives full points
     * (for per-pupil items the whole-unit total), {@code additional} = required − current in the item's unit.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GapView(
            String code,
            String name,
            String rule,
            String item,
            String itemName,
            String unit,
            double pointsLost,
            Double current,
            Double required,
            Double additional,
            double cost,
            String advice) {}

    /** The cheapest set of gaps to close to reach the next grade up. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Plan(
            String currentGrade,
            String targetGrade,
            double pointsNeeded,
            boolean reachable,
            boolean exact,
            double cost,
            List<GapView> close,
            List<VetoHit> blockingVetoes,
            String summary) {}
}
