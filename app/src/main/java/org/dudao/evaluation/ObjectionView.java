package org.dudao.evaluation;

import java.time.Instant;

/** An objection with its answer (contact details are shown to staff only). */
public record ObjectionView(
        Long id,
        String body,
        String contact,
        Instant submittedAt,
        String answer,
        String answeredBy,
        Instant answeredAt) {}
