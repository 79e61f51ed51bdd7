package org.dudao.data;

/** Identifies one stored value: org unit, item and period. */
public record ValueKey(Long orgUnitId, Long itemId, String period) {}
