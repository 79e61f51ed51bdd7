package org.dudao.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One school's file with the live score sheet (recomputed now from the stored values: liveTotal, liveGrade), its
 * history, expert sheets and objections.
 */
public record EvaluationDetail(String project, EvaluationView evaluation, LocalDate deadline, LocalDate extendedTo,
        List<Line> indicators, Map<String, ManualEntry> selfManual, Map<String, ManualEntry> countyManual,
        Map<String, ManualEntry> cityManual, String consolidationNote, List<Step> steps, List<Sheet> expertSheets,
        List<ObjectionView> objections, List<String> actions, List<String> manualIndicators, double liveTotal,
        String liveGrade) {

    public record Line(String code, String name, double score, double points, boolean unscored, boolean missing) {
    }

    public record Step(String action, String from, String to, String username, String reason, Double total,
            String grade, Instant at) {
    }

    public record Sheet(String level, String expert, Map<String, ManualEntry> manual, String comment,
            String findings, List<Long> evidence, Instant submittedAt) {
    }
}
