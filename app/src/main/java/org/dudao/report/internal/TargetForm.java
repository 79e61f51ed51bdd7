package org.dudao.report.internal;

import java.math.BigDecimal;

/** A unit's target and weight in a project; a null value returns to the default. */
public record TargetForm(Integer target, BigDecimal weight) {}
