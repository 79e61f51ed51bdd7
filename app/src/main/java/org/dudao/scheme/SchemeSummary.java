package org.dudao.scheme;

import java.time.Instant;

/** One line of the scheme list: the latest version and its owner. */
public record SchemeSummary(
        String code,
        String name,
        int version,
        double maxScore,
        String orgUnit,
        String orgUnitName,
        boolean locked,
        Instant updatedAt,
        boolean canEdit) {}
