package org.dudao.collection.internal;

import java.time.Instant;

/**
 * A value as the API and screens show it. {@code version} is what a client sends back to update it. A computed
 * value (derived item or computed by another feature) has version -1 and, when it cannot be computed, no value
 * and the {@code reason} (无法计算).
 */
public record ValueView(
        String orgUnit,
        String orgUnitName,
        String item,
        String itemName,
        String unit,
        String period,
        String value,
        int version,
        String updatedBy,
        Instant updatedAt,
        boolean computed,
        String reason) {}
