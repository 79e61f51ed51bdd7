package org.dudao.evaluation.internal;

import java.time.Instant;
import java.util.List;

/**
 * A project's units ranked by total score (ties share a rank: 1, 2, 2, 4), with the grade and where each file is;
 * {@code publishedAt} null while the ranking is seen only by the project's office, {@code publicPage} whether it
 * is also on a page without login; {@code canPublish} whether the caller may publish it.
 */
public record RankingView(
        String project,
        String projectName,
        int year,
        boolean canPublish,
        Instant publishedAt,
        String publishedBy,
        boolean publicPage,
        List<Row> rows) {

    public record Row(
            int rank,
            String orgUnit,
            String name,
            String kind,
            Double total,
            String grade,
            String stage,
            String status) {}
}
