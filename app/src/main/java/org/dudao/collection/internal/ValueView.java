package org.dudao.collection.internal;

import java.time.Instant;

/** A stored value as the API and screens show it. {@code version} is what a client sends back to update it. */
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
        Instant updatedAt) {}
