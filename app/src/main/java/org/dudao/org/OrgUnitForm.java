package org.dudao.org;

/**
 * Input for creating or editing a unit, from the API (JSON) or the edit screen. {@code enrolmentYear} defaults
 * to the current year. {@code version}, when given, guards against overwriting someone else's edit.
 */
public record OrgUnitForm(
        String code,
        String name,
        String kind,
        String parentCode,
        String address,
        String contactPerson,
        String contactPhone,
        Integer sortOrder,
        Enrolment enrolment,
        String enrolmentYear,
        Integer version) {}
