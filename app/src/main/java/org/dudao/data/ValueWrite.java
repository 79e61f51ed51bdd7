package org.dudao.data;

import java.math.BigDecimal;

/**
 * One value to write. {@code num} and {@code text} both null clears the value. {@code expectedVersion}, when
 * given, is the version the writer read: a different stored version is a conflict, never a silent overwrite.
 * {@code scopePath} is the unit's org path (the caller has checked it), recorded with the audit entry.
 */
public record ValueWrite(
        Long orgUnitId,
        String scopePath,
        DataItem item,
        String period,
        BigDecimal num,
        String text,
        Integer expectedVersion) {

    public ValueKey key() {
        return new ValueKey(orgUnitId, item.getId(), period);
    }

    public boolean clears() {
        return num == null && text == null;
    }
}
