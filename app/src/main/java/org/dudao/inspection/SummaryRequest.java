package org.dudao.inspection;

/**
 * An inspector's summary: {@code kind} MONTH or HALF, {@code period} 2026-11 or 2026-H1, the text; {@code inspector}
 * the inspector record (default: the signed-in user's own).
 */
public record SummaryRequest(Long inspector, String kind, String period, String body) {}
