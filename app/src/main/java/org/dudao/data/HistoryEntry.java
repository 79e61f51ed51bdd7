package org.dudao.data;

import java.math.BigDecimal;
import java.time.Instant;

/** One change of a value, old → new, with who, when and through which channel (FORM, API, EXCEL, ORG…). */
public record HistoryEntry(
        Long orgUnitId,
        Long itemId,
        String period,
        BigDecimal oldNum,
        String oldText,
        BigDecimal newNum,
        String newText,
        String source,
        String changedBy,
        Instant changedAt) {}
