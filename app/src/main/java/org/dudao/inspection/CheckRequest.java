package org.dudao.inspection;

import java.util.List;

/**
 * Results of a school's check, item by item (recorded again: the last entry counts); with {@code submit} the check is
 * closed: every item must have a result, and a failed check opens rectification items due by {@code rectifyBy}
 * (default: in 30 days) for its weak items.
 */
public record CheckRequest(List<Result> results, String summary, Boolean submit, String rectifyBy) {

    /** One checklist item: {@code rating} 好/较好/一般/差 (no scheme) or {@code score} (0 … the item's points). */
    public record Result(String item, String rating, Double score, String finding, List<Long> evidence) {}
}
