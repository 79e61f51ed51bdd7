package org.dudao.support;

import org.dudao.org.Enrolment;
import org.dudao.org.OrgUnitForm;

/** Forms for the units a test creates itself (module tests start from an empty tree). */
public final class OrgForms {

    private OrgForms() {}

    public static OrgUnitForm unit(String code, String name, String kind, String parentCode) {
        return school(code, name, kind, parentCode, null);
    }

    /** A unit with its enrolment of 2026. */
    public static OrgUnitForm school(String code, String name, String kind, String parentCode, Enrolment enrolment) {
        return new OrgUnitForm(code, name, kind, parentCode, null, null, null, null, enrolment, "2026", null);
    }
}
