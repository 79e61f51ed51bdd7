package org.dudao.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A visit as the API and screens show it: the plan (date, team, purpose, the supervision items to check), its
 * state in the seven steps (PLANNED, CHECKED_IN, REPORTED, ACKNOWLEDGED), the findings, the report and feedback,
 * and the head's acknowledgement.
 */
public record VisitView(
        Long id,
        String school,
        String schoolName,
        Long inspector,
        String inspectorName,
        LocalDate date,
        String purpose,
        String team,
        List<String> items,
        String status,
        Instant checkedInAt,
        List<Finding> findings,
        String report,
        String feedback,
        String acknowledgedBy,
        Instant acknowledgedAt,
        int version) {

    /** What was found on one supervision item, rated 好/较好/一般/差, with photos and the item it opened. */
    public record Finding(
            Long id, String item, String finding, String rating, List<Long> evidence, Long rectification) {}
}
