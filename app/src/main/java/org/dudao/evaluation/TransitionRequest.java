package org.dudao.evaluation;

import java.util.Map;

/**
 * A requested step. {@code reason} is required for a return; for "score" an agreed sheet ({@code manual}) replaces
 * the mean of the experts' sheets and then {@code reason} explains the agreement.
 */
public record TransitionRequest(String action, String reason, Map<String, ManualEntry> manual) {}
