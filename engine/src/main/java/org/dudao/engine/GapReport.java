package org.dudao.engine;

import java.util.List;

/** Gap analysis of one unit: its score, every gap, and the plan to reach the next grade. */
public record GapReport(ScoreResult result, List<Gap> gaps, GradePlan nextGrade) {}
