package org.dudao.evaluation.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An on-site check: the enrolment reported (stored values) against the pupils counted and the difference in
 * percent of the reported; each correction old → new with its reason; the file's total before and after.
 */
public record OnsiteView(
        Long id,
        String level,
        String unit,
        String unitName,
        Integer reported,
        Integer counted,
        Double differencePct,
        List<Correction> corrections,
        String note,
        Double totalBefore,
        Double totalAfter,
        String checkedBy,
        Instant checkedAt) {

    public record Correction(String item, String itemName, BigDecimal oldValue, BigDecimal newValue, String reason) {}
}
