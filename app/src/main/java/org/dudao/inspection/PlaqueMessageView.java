package org.dudao.inspection;

import java.time.Instant;

/**
 * A message the public left on a school's plaque page, as its inspector and the office read it; {@code caseId} is
 * the case it became (null until the cases feature has taken it in).
 */
public record PlaqueMessageView(
        Long id,
        String school,
        String schoolName,
        String inspector,
        String body,
        String contact,
        Instant at,
        Long caseId) {}
