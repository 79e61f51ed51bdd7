package org.dudao.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.dudao.support.AsSystem;
import org.dudao.support.ModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The org tree with only audit and data beneath it: edits through OrgTree, reads through OrgUnits. */
@ModuleTest
class OrgModuleTest {

    @Autowired
    OrgTree tree;

    @Autowired
    OrgUnits units;

    @Autowired
    Enrolments enrolments;

    @Test
    void aMovedSchoolTakesItsPathAndKeepsItsEnrolment() {
        OrgUnitRef moved = AsSystem.get(() -> {
            tree.create(form("M-P", "模块省", "PROVINCE", null, null));
            tree.create(form("M-C", "模块市", "CITY", "M-P", null));
            tree.create(form("M-A", "甲县", "COUNTY", "M-C", null));
            tree.create(form("M-B", "乙县", "COUNTY", "M-C", null));
            tree.create(form("M-S", "模块小学", "PRIMARY", "M-A", new Enrolment(420, null, null)));
            tree.move("M-S", "M-B");
            return units.readable("M-S");
        });

        OrgUnitRef county = AsSystem.get(() -> units.readable("M-B"));
        assertThat(moved.path()).isEqualTo(county.path() + moved.id() + "/");
        assertThat(AsSystem.get(() -> units.subtree("M-A")))
                .extracting(OrgUnitRef::code)
                .containsExactly("M-A");
        assertThat(AsSystem.get(() -> enrolments.of(java.util.List.of(moved), "2026")))
                .extractingByKey(moved.id())
                .satisfies(d -> assertThat(d.enrolment().primary()).isEqualTo(420));
    }

    private static OrgUnitForm form(String code, String name, String kind, String parent, Enrolment enrolment) {
        return new OrgUnitForm(code, name, kind, parent, null, null, null, null, enrolment, "2026", null);
    }
}
