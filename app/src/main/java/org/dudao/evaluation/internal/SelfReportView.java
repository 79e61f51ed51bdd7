package org.dudao.evaluation.internal;

import java.time.Instant;
import java.util.List;

/**
 * A unit's 自评报告 as screens, API and documents show it: one section per first-level indicator with its score and
 * the stored figures it rests on (the text prefilled from them until the unit writes its own), and one 专题报告 per
 * hard indicator not met; {@code missingTopics} the codes still without one, {@code topicsRequired} whether they
 * block the submission (units that are not schools, SPEC §11), {@code editable} whether the caller may write now.
 */
public record SelfReportView(
        String project,
        String projectName,
        int year,
        String orgUnit,
        String unitName,
        String stage,
        String status,
        double total,
        String grade,
        boolean editable,
        boolean topicsRequired,
        List<Section> sections,
        List<Topic> topics,
        List<String> missingTopics,
        String updatedBy,
        Instant updatedAt) {

    /** {@code written} false: the body is the prefilled summary, not yet the unit's own words. */
    public record Section(
            String code,
            String name,
            double points,
            double score,
            List<Figure> figures,
            String body,
            boolean written) {}

    /** A stored figure of the unit that an indicator reads ({@code value} null: not entered). */
    public record Figure(String indicator, String name, Double value, String unit) {}

    /** A hard indicator not met (a standard missed, or a veto fired) and its 专题报告 (null: not written). */
    public record Topic(String code, String name, String why, String body) {}
}
