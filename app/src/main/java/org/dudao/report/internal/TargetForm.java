package org.dudao.report.internal;

import java.math.BigDecimal;

/**
 * A unit's target and weight in a project; a null value returns to the default. {@code version}: the line's
 * version read (-1: none stored); a different one is refused (409).
 */
public record TargetForm(Integer target, BigDecimal weight, Integer version) {

    public TargetForm(Integer target, BigDecimal weight) {
        this(target, weight, null);
    }
}
