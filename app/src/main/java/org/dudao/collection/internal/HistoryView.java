package org.dudao.collection.internal;

import java.time.Instant;

/** One change of a value, old → new. */
public record HistoryView(String oldValue, String newValue, String source, String changedBy, Instant changedAt) {}
