package org.dudao.collection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A collection task as listed and shown: its form, rules and the status counts within the caller's scope. */
public record TaskView(
        Long id,
        String name,
        String period,
        String rootUnit,
        String rootUnitName,
        List<String> kinds,
        LocalDate deadline,
        boolean overdue,
        String description,
        String createdBy,
        Instant createdAt,
        List<SectionView> sections,
        List<RuleView> rules,
        Map<String, Long> counts,
        int total,
        boolean canManage) {

    public record SectionView(String title, List<ItemRef> items) {}

    public record ItemRef(String code, String name, String unit) {}

    public record RuleView(String left, String op, List<String> right, String message) {}
}
