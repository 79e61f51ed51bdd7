package org.dudao.cases.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as the API and screens show it. {@code reporter} is null for everyone but the office covering the case:
 * the reporter's identity never reaches the unit. {@code actions} are the moves the caller may make now.
 */
public record CaseView(
        Long id,
        String channel,
        String category,
        String categoryName,
        int timeLimit,
        String description,
        ReporterView reporter,
        String address,
        Double latitude,
        Double longitude,
        List<Long> evidence,
        String unit,
        String unitName,
        String status,
        Instant receivedAt,
        LocalDate receivedOn,
        LocalDate due,
        boolean calendarMissing,
        boolean overdue,
        String answer,
        List<Long> answerEvidence,
        Boolean satisfied,
        boolean calledBack,
        LocalDate closedOn,
        Boolean closedOnTime,
        Long mergedInto,
        int version,
        List<Step> timeline,
        List<EscalationView> escalations,
        List<String> actions) {

    /** A stage of escalation reached: REMINDER, URGE (with the 催办通知书's 文号 and 落款) or CRITICISM. */
    public record EscalationView(String stage, Instant at, String number, String issuer) {}

    public record ReporterView(String name, String phone, boolean anonymous) {}

    /** One step of the timeline; {@code unitName} is where an assignment sent the case. */
    public record Step(String action, String from, String to, String unitName, String note, String actor, Instant at) {}
}
