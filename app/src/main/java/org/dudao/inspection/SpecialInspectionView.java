package org.dudao.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A special inspection with its progress ({@code done} of {@code total} checks submitted, {@code overdue} open
 * checks past the deadline) and the checks the caller may see: the office all, an inspector those assigned to them.
 */
public record SpecialInspectionView(
        Long id,
        String kind,
        String title,
        String county,
        String countyName,
        String scheme,
        Integer schemeVersion,
        Double passLine,
        LocalDate deadline,
        String selection,
        int total,
        int done,
        int failed,
        int overdue,
        List<Item> items,
        List<Check> checks,
        String createdBy,
        Instant createdAt) {

    /** A checklist line; {@code points} when scored via the scheme (then {@code name} is the indicator's). */
    public record Item(String code, String name, Double points) {}

    /** One school's check; {@code crossZone}: its inspector is not the school's responsible one (交叉督导). */
    public record Check(
            Long id,
            String school,
            String schoolName,
            Long inspector,
            String inspectorName,
            boolean crossZone,
            String status,
            boolean overdue,
            Boolean passed,
            Double score,
            String summary,
            String submittedBy,
            Instant submittedAt,
            Boolean recheckPassed,
            String recheckNote,
            String recheckedBy,
            Instant recheckedAt,
            List<Result> results,
            Revocation revocation) {}

    public record Result(
            String item, String rating, Double score, String finding, List<Long> evidence, Long rectification) {}

    /** 摘牌 of the school: who, when, why. */
    public record Revocation(String reason, String revokedBy, Instant revokedAt) {}
}
