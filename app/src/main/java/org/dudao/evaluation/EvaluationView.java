package org.dudao.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One school's file in a project list. */
public record EvaluationView(String orgUnit, String name, String kind, String stage, String status, Double total,
        String grade, List<Map<String, String>> vetoes, String certificateNo, Instant publicityUntil) {
}
