package org.dudao.evaluation.internal;

/**
 * An on-site sample at a review {@code level} (COUNTY 初评 or CITY 复核): either {@code percent} (1–100) of the
 * project's files or {@code count} of them, stratified by township; {@code seed} repeats an earlier sample.
 */
public record SampleRequest(String level, Integer percent, Integer count, Long seed) {}
