package org.dudao.inspection;

import java.util.List;

/**
 * A zone to create or change: {@code county} the county code, {@code lead} the lead inspector's id, {@code schools}
 * the school codes (at most the configured number), {@code assignments} the responsible inspector of some of them;
 * {@code version} the one read (a stale one → 409).
 */
public record ZoneRequest(
        String code,
        String name,
        String county,
        Long lead,
        List<String> schools,
        List<AssignmentRequest> assignments,
        Integer version) {

    /** A school's responsible inspector (id). */
    public record AssignmentRequest(String school, Long inspector) {}
}
