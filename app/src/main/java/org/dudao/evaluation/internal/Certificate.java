package org.dudao.evaluation.internal;

import java.time.Instant;

/** The printed certificate (授牌证书) and result notice. */
public record Certificate(
        String project,
        int year,
        String school,
        String kind,
        Double total,
        String grade,
        String number,
        Instant certifiedAt,
        String issuer) {}
