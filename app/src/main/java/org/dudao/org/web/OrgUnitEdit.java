package org.dudao.org.web;

import org.dudao.org.Enrolment;
import org.dudao.org.OrgUnitForm;
import org.dudao.org.OrgUnitView;

/** The edit screen's form bean (mutable for data binding). */
public class OrgUnitEdit {

    private String code;
    private String name;
    private String kind;
    private String parentCode;
    private String address;
    private String contactPerson;
    private String contactPhone;
    private Integer sortOrder;
    private EnrolmentEdit enrolment = new EnrolmentEdit();
    private String enrolmentYear;
    private Integer version;

    /** Pupils per stage, bound as enrolment.primary etc. so service errors land on the right input. */
    public static class EnrolmentEdit {
        private Integer primary;
        private Integer junior;
        private Integer senior;

        public Integer getPrimary() {
            return primary;
        }

        public void setPrimary(Integer primary) {
            this.primary = primary;
        }

        public Integer getJunior() {
            return junior;
        }

        public void setJunior(Integer junior) {
            this.junior = junior;
        }

        public Integer getSenior() {
            return senior;
        }

        public void setSenior(Integer senior) {
            this.senior = senior;
        }
    }

    static OrgUnitEdit of(OrgUnitView v) {
        OrgUnitEdit e = new OrgUnitEdit();
        e.code = v.code();
        e.name = v.name();
        e.kind = org.dudao.org.OrgKind.parse(v.kind()).map(Enum::name).orElse(v.kind());
        e.parentCode = v.parentCode();
        e.address = v.address();
        e.contactPerson = v.contactPerson();
        e.contactPhone = v.contactPhone();
        e.sortOrder = v.sortOrder();
        e.enrolment.primary = v.enrolment().primary();
        e.enrolment.junior = v.enrolment().junior();
        e.enrolment.senior = v.enrolment().senior();
        e.enrolmentYear = v.enrolmentYear();
        e.version = v.version();
        return e;
    }

    OrgUnitForm toForm() {
        Enrolment e = new Enrolment(enrolment.primary, enrolment.junior, enrolment.senior);
        return new OrgUnitForm(
                code,
                name,
                kind,
                parentCode,
                address,
                contactPerson,
                contactPhone,
                sortOrder,
                e.isEmpty() ? null : e,
                enrolmentYear,
                version);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getParentCode() {
        return parentCode;
    }

    public void setParentCode(String parentCode) {
        this.parentCode = parentCode;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getContactPerson() {
        return contactPerson;
    }

    public void setContactPerson(String contactPerson) {
        this.contactPerson = contactPerson;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public Integer getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(Integer sortOrder) {
        this.sortOrder = sortOrder;
    }

    public EnrolmentEdit getEnrolment() {
        return enrolment;
    }

    public void setEnrolment(EnrolmentEdit enrolment) {
        this.enrolment = enrolment;
    }

    public String getEnrolmentYear() {
        return enrolmentYear;
    }

    public void setEnrolmentYear(String enrolmentYear) {
        this.enrolmentYear = enrolmentYear;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
