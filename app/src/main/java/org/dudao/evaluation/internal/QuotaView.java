package org.dudao.evaluation.internal;

import java.util.List;
import java.util.Map;

/**
 * Progress of a project against its quota plan: {@code passed} counts schools awarded the plaque; byStage
 * counts the files at each stage; years shows the same owner's projects across years.
 */
public record QuotaView(
        int target,
        int primary,
        int secondary,
        long passed,
        long passedPrimary,
        long passedSecondary,
        Map<String, Long> byStage,
        List<YearProgress> years) {

    public record YearProgress(int year, String project, int target, long passed) {}
}
