package org.dudao.evaluation.internal;

import java.time.Instant;

/** The printed certificate (授牌证书) and result notice, under the approving body's 文号 and 落款. */
public record Certificate(
        String project,
        String school,
        String kind,
        Double total,
        String grade,
        String number,
        String docNumber,
        Instant certifiedAt,
        String issuer) {}
