package org.dudao.org;

/**
 * What the API and screens show of a unit. {@code path} is the chain of codes from the root, "/JB/JB01/…/".
 * {@code enrolmentYear} is the year the enrolment figures belong to.
 */
public record OrgUnitView(
        Long id,
        String code,
        String name,
        String kind,
        String parentCode,
        String path,
        String address,
        String contactPerson,
        String contactPhone,
        int sortOrder,
        Enrolment enrolment,
        String enrolmentYear,
        boolean hasChildren,
        int version) {}
