package org.dudao.scheme;

import java.time.Instant;

/** One version of a scheme, without its content. {@code id} is what evaluations refer to. */
public record VersionInfo(
        long id,
        String code,
        int version,
        String name,
        double maxScore,
        boolean locked,
        Instant lockedAt,
        String note,
        String createdBy,
        Instant createdAt) {}
