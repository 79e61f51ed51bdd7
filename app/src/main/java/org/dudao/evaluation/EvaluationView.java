package org.dudao.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One school's file in a project list; {@code overdue}: still at 县级初评 or 市级复核 after that stage's deadline.
 */
public record EvaluationView(String orgUnit, String name, String kind, String stage, String status, Double total,
        String grade, List<Map<String, String>> vetoes, String certificateNo, Instant publicityUntil,
        boolean overdue) {
}
