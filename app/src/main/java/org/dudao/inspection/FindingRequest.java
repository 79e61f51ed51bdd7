package org.dudao.inspection;

import java.util.List;

/**
 * A finding on site: the supervision item, what was found, the rating (好, 较好, 一般 or 差), photo evidence ids of
 * the school, and with {@code rectify} a rectification item for the school with {@code requirement} and
 * {@code deadline} (yyyy-MM-dd).
 */
public record FindingRequest(
        String item,
        String finding,
        String rating,
        List<Long> evidence,
        Boolean rectify,
        String requirement,
        String deadline) {}
