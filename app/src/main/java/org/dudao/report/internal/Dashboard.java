package org.dudao.report.internal;

import java.util.List;
import java.util.Map;

/**
 * The dashboard of a unit for the project chosen ({@code project}), or else the year's latest project of each
 * owner; {@code projects} lists the year's projects, those counted marked {@code shown}. {@code files} counts the
 * shown projects' evaluation files in the unit;
 * grades are those consolidated by experts (NONE: not graded yet); {@code quota} sets the plan against the plaques
 * awarded in the shown projects, and per year across projects; {@code rectification} counts the items not yet 已销号, of every year;
 * {@code units} breaks the figures down per subordinate township, county or city. Labels are localised.
 */
public record Dashboard(
        String orgUnit,
        String name,
        String kind,
        int year,
        String project,
        List<ProjectRef> projects,
        long files,
        List<Count> stages,
        List<StateRow> states,
        List<Count> grades,
        Quota quota,
        List<Count> vetoes,
        Ageing rectification,
        List<UnitRow> units) {

    public record ProjectRef(String code, String name, boolean shown) {}

    public record Count(String key, String label, long count) {}

    public record StateRow(String state, String stage, String status, long count) {}

    public record Quota(long plan, long awarded, List<YearRow> years) {}

    public record YearRow(int year, long plan, long awarded) {}

    public record Ageing(long open, long overdue, List<Count> ages) {}

    /** One subordinate unit: its files per stage (keys of {@code evaluation.Phase}), plan, plaques and open items. */
    public record UnitRow(
            String orgUnit,
            String name,
            long files,
            Map<String, Long> byStage,
            long plan,
            long awarded,
            long openItems,
            long overdueItems) {}
}
