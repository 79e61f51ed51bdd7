package org.dudao.evaluation.internal;

/**
 * A random draw of {@code count} experts (1–30) for a group, optionally only of one {@code field} (专业领域);
 * {@code seed} repeats an earlier draw (omitted: one is generated and recorded).
 */
public record DrawRequest(Integer count, Long seed, String field) {}
