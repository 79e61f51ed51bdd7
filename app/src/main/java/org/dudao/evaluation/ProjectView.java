package org.dudao.evaluation;

import java.time.LocalDate;

/** A project as the API and screens show it. */
public record ProjectView(String code, String name, int year, String scheme, Long schemeVersionId,
        String orgUnit, String orgUnitName, LocalDate deadline, int publicityDays, Quota quota, long schools,
        boolean canManage) {

    /** The quota plan: target = 小学 + 中学. */
    public record Quota(int target, int primary, int secondary) {
    }
}
