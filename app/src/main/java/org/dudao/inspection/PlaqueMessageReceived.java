package org.dudao.inspection;

import java.time.Instant;

/**
 * Someone of the public wrote on a school's plaque page (published in the transaction that keeps the message).
 * {@code officeCode} is the responsible inspector's office, null when the school has no inspector; the listener that
 * opens a case for it links it back with {@link Plaques#linkCase}.
 */
public record PlaqueMessageReceived(
        Long messageId,
        String schoolCode,
        String officeCode,
        String inspectorName,
        String body,
        String contact,
        Instant at) {}
