package org.dudao.inspection;

/**
 * What a school's 挂牌 plaque shows the public: the school, its responsible inspector's name, phone and whether a
 * photo exists (no inspector yet: nulls), the absolute address of the public page the QR code encodes, and when
 * the plaque was revoked (摘牌 after a failed 回头看) and why (null: it was not).
 */
public record PlaqueView(
        String school,
        String schoolName,
        String inspectorName,
        String phone,
        boolean photo,
        String url,
        java.time.Instant revokedAt,
        String revokedReason) {}
