package org.dudao.collection;

import java.util.List;
import java.util.Map;

/** The issuing office's progress board: counts per status, overdue units, one row per unit in scope. */
public record Progress(TaskView task, Map<String, Long> counts, int total, int overdue, List<UnitProgress> units) {}
