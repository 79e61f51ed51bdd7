package org.dudao.engine;

import java.util.List;

/** The lean result used by bulk scoring: no per-indicator objects. */
public record TotalScore(double total, String grade, List<FiredVeto> vetoes) {}
