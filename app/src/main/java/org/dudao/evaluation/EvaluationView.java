package org.dudao.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One school's file in a project list. {@code townshipCode} and {@code township} name the unit the school sits
 * under (a township, or the county for a 县属 school); {@code overdue}: still at 县级初评 or 市级复核 after that
 * stage's deadline; {@code version} the file's version, sent back with a self-evaluation (409 when stale).
 */
public record EvaluationView(
        String orgUnit,
        String name,
        String townshipCode,
        String township,
        String kind,
        String stage,
        String status,
        Double total,
        String grade,
        List<Map<String, String>> vetoes,
        String certificateNo,
        Instant publicityUntil,
        boolean overdue,
        int version) {}
