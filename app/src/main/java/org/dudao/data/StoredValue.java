package org.dudao.data;

import java.math.BigDecimal;
import java.time.Instant;

/** A value as stored, with who changed it last and its version (for optimistic locking by clients). */
public record StoredValue(
        Long id,
        Long orgUnitId,
        Long itemId,
        String period,
        BigDecimal num,
        String text,
        int version,
        String updatedBy,
        Instant updatedAt) {

    public ValueKey key() {
        return new ValueKey(orgUnitId, itemId, period);
    }

    public boolean same(BigDecimal otherNum, String otherText) {
        boolean numSame = num == null ? otherNum == null : otherNum != null && num.compareTo(otherNum) == 0;
        return numSame && java.util.Objects.equals(text, otherText);
    }
}
