package org.dudao.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One school's file with the live score sheet (recomputed now from the stored values: liveTotal, liveGrade,
 * liveVetoes), its history, expert sheets and objections; {@code mean} is the mean of the experts' sheets at the
 * level being scored (null when none), {@code stageDeadline} that level's deadline, {@code can} what the caller
 * may do on the screens; {@code sources} the stored value each quantitative indicator reads (indicator code →
 * data item and the school's value of the project year, null when not entered), shown beside the score sheets.
 */
public record EvaluationDetail(
        String project,
        EvaluationView evaluation,
        LocalDate deadline,
        LocalDate extendedTo,
        List<Line> indicators,
        Map<String, ManualEntry> selfManual,
        Map<String, ManualEntry> countyManual,
        Map<String, ManualEntry> cityManual,
        String consolidationNote,
        List<Step> steps,
        List<Sheet> expertSheets,
        List<ObjectionView> objections,
        List<String> actions,
        List<String> manualIndicators,
        double liveTotal,
        String liveGrade,
        List<Map<String, String>> liveVetoes,
        Map<String, ManualEntry> mean,
        LocalDate stageDeadline,
        Can can,
        Map<String, Source> sources) {

    /** The data item an indicator reads and the school's stored value ({@code value} null: not entered). */
    public record Source(String item, String name, String unit, Double value, boolean perPupil) {}

    /**
     * The caller's capacities on this file: self-score (school, draft), an own expert sheet (group member of the
     * level being scored), consolidate (that level's leader or owner), extend the deadline (project owner), and
     * withdraw: the step back on offer is the head taking back his own signature (撤回, not 退回).
     */
    public record Can(boolean selfScore, boolean sheet, boolean consolidate, boolean extend, boolean withdraw) {}

    public record Line(String code, String name, double score, double points, boolean unscored, boolean missing) {}

    /** A recorded step; {@code signature} names what it signs (evaluation.signature.*), null for a return. */
    public record Step(
            String action,
            String from,
            String to,
            String username,
            String reason,
            Double total,
            String grade,
            Instant at,
            String signature) {}

    public record Sheet(
            String level,
            String expert,
            Map<String, ManualEntry> manual,
            String comment,
            String findings,
            List<Long> evidence,
            Instant submittedAt) {}
}
