package org.dudao.evaluation.internal;

import java.time.Instant;

/**
 * The public heading of a project's 公示: the notice's 文号, 落款, date and the contact for objections (null
 * where the office configured none).
 */
public record PublicProject(
        String code,
        String name,
        int year,
        String owner,
        int publicityDays,
        String number,
        String issuer,
        Instant issuedAt,
        String contact) {}
