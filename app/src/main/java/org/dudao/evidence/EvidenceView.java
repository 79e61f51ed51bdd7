package org.dudao.evidence;

import java.time.Instant;

public record EvidenceView(
        Long id,
        String orgUnit,
        String orgUnitName,
        String period,
        String item,
        Long taskId,
        String fileName,
        String contentType,
        long size,
        String sha256,
        String uploadedBy,
        Instant uploadedAt) {}
