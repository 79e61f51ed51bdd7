package org.dudao.inspection;

import java.util.List;

/**
 * A visit to plan: the school, the day (yyyy-MM-dd), purpose and team, the supervision items to check (codes of
 * {@link SupervisionItem}; none: all eight) and the inspector (id; default the school's responsible inspector).
 */
public record VisitRequest(
        String school, Long inspector, String date, String purpose, String team, List<String> items) {}
