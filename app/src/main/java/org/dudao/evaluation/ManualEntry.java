package org.dudao.evaluation;

/** A score for a MANUAL indicator with its reason (required below full points). */
public record ManualEntry(Double score, String reason) {}
