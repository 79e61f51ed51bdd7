package org.dudao.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.OrgForms.school;
import static org.dudao.support.OrgForms.unit;

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
            tree.create(unit("M-P", "模块省", "PROVINCE", null));
            tree.create(unit("M-C", "模块市", "CITY", "M-P"));
            tree.create(unit("M-A", "甲县", "COUNTY", "M-C"));
            tree.create(unit("M-B", "乙县", "COUNTY", "M-C"));
            tree.create(school("M-S", "模块小学", "PRIMARY", "M-A", new Enrolment(420, null, null)));
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
}
