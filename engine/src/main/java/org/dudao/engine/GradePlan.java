package org.dudao.engine;

import java.util.List;

/**
 * The cheapest way to the next grade up.
 *
 * @param currentGrade   the unit's final grade (after vetoes)
 * @param targetGrade    the next grade up, or null when the unit already holds the top grade
 * @param pointsNeeded   points still missing to reach the target's min (0 if the score is enough)
 * @param close          the gaps to close, cheapest total cost first found
 * @param cost           their total cost
 * @param reachable      whether closing gaps can reach the target's min at all
 * @param exact          whether the choice is proven cheapest (dynamic programming) or greedy
 * @param blockingVetoes fired vetoes that cap the grade below the target: they must be cleared,
 *                       whatever the points
 */
public record GradePlan(
        String currentGrade,
        String targetGrade,
        double pointsNeeded,
        List<Gap> close,
        double cost,
        boolean reachable,
        boolean exact,
        List<FiredVeto> blockingVetoes) {

    /** One paragraph for the unit and the evaluators. */
    public String summary() {
        if (targetGrade == null) return "已达最高等级 " + currentGrade;
        StringBuilder sb = new StringBuilder("从 " + currentGrade + " 到 " + targetGrade + "：");
        if (pointsNeeded <= 0) {
            sb.append("分数已够；");
        } else if (!reachable) {
            sb.append("还差 ").append(SchemeValidator.num(pointsNeeded)).append(" 分，补齐全部差距也无法达到；");
        } else {
            sb.append("还差 ")
                    .append(SchemeValidator.num(pointsNeeded))
                    .append(" 分，需补齐 ")
                    .append(close.size())
                    .append(" 项：");
            for (Gap g : close)
                sb.append(g.name()).append("（").append(g.advice()).append("）；");
        }
        for (FiredVeto v : blockingVetoes)
            sb.append("须先消除否决项 ").append(v.evidence()).append("；");
        return sb.toString();
    }
}
