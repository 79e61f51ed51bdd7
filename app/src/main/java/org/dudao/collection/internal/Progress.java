package org.dudao.collection.internal;

import java.util.List;
import java.util.Map;
import org.dudao.collection.TaskView;

/**
 * The issuing office's progress board: counts per status, overdue units, one row per unit in scope, and whether
 * the caller may remind the units that have not submitted.
 */
public record Progress(
        TaskView task, Map<String, Long> counts, int total, int overdue, List<UnitProgress> units, boolean canRemind) {}
