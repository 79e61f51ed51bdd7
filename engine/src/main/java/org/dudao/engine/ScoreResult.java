package org.dudao.engine;

import java.util.List;

/**
 * The full score of one unit.
 *
 * @param total          normal indicators plus bonus, rounded half-up to 2 decimals
 * @param grade          the final grade, after vetoes
 * @param gradeByScore   the grade the total alone reaches
 * @param vetoes         every veto that fired, with its triggering value
 * @param indicators     every node of the tree, in pre-order (a parent before its children)
 * @param unscored       codes of MANUAL indicators without a valid expert score
 * @param missingItems   codes of data items needed but missing (NaN)
 * @param missingReasons codes of MANUAL indicators scored below full points without a reason
 * @param problems       rejected inputs, e.g. a manual score outside [0, points] (scored 0)
 */
public record ScoreResult(
        double total,
        String grade,
        String gradeByScore,
        List<FiredVeto> vetoes,
        List<IndicatorScore> indicators,
        List<String> unscored,
        List<String> missingItems,
        List<String> missingReasons,
        List<SchemeProblem> problems) {

    /** The node with this code, or null. */
    public IndicatorScore indicator(String code) {
        for (IndicatorScore s : indicators) {
            if (s.code().equals(code)) return s;
        }
        return null;
    }

    /** True when the grade is final: nothing left unscored and no rejected input. */
    public boolean complete() {
        return unscored.isEmpty() && missingItems.isEmpty() && problems.isEmpty();
    }
}
