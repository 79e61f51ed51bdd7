package org.dudao.data;

import java.math.BigDecimal;

/**
 * One value to write. {@code num} and {@code text} both null clears the value. {@code expectedVersion}, when
 * given, is the version the writer read: a different stored version is a conflict, never a silent overwrite.
 * With {@code versionRequired} a writer that gives no version may add a value but not change a stored one (a
 * conflict too): API clients must say which value they meant to replace. {@code scopePath} is the unit's org
 * path (the caller has checked it), recorded with the audit entry.
 */
public record ValueWrite(
        Long orgUnitId,
        String scopePath,
        DataItem item,
        String period,
        BigDecimal num,
        String text,
        Integer expectedVersion,
        boolean versionRequired) {

    /** A write that may replace a stored value without its version (imports, forms, the org feature). */
    public ValueWrite(
            Long orgUnitId,
            String scopePath,
            DataItem item,
            String period,
            BigDecimal num,
            String text,
            Integer expectedVersion) {
        this(orgUnitId, scopePath, item, period, num, text, expectedVersion, false);
    }

    public ValueKey key() {
        return new ValueKey(orgUnitId, item.getId(), period);
    }

    public boolean clears() {
        return num == null && text == null;
    }
}
