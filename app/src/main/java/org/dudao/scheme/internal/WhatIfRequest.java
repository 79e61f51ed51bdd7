package org.dudao.scheme.internal;

import java.util.Map;

/**
 * A what-if: a unit's type, enrolment, item values and expert scores. With {@code unit} (an org unit code) the
 * unit's stored values for {@code period} (default: the latest year with data) are the starting point and
 * everything given here overrides them. Values may be numbers, booleans or numeric text.
 */
public record WhatIfRequest(
        String kind,
        Enrolment enrolment,
        Map<String, Object> values,
        Map<String, Manual> manual,
        String unit,
        String period) {

    /** 在校生 per stage; missing stages count as 0 (or the unit's stored figure). */
    public record Enrolment(Integer primary, Integer junior, Integer senior) {}

    /** An expert score for a MANUAL indicator; below full points it needs a reason. */
    public record Manual(Double score, String reason) {}
}
