package org.dudao.data;

import java.util.Set;

/**
 * Data items whose values another feature computes from stored data (e.g. {@code balance} computes a county's 综合差异系数
 * from its schools' values). The data module reads them like stored values and forms show them read-only: they are never
 * typed. Implementations are Spring beans in the computing feature, which depends on {@code data}, not the reverse.
 */
public interface ComputedItems {

    /** The item codes this source computes. */
    Set<String> codes();

    /** The value of one of {@link #codes()} for a unit and period. */
    Computed value(Long orgUnitId, String period, String itemCode);
}
