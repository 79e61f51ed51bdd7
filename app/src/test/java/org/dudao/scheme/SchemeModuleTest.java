package org.dudao.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.OrgForms.school;
import static org.dudao.support.OrgForms.unit;

import java.io.IOException;
import java.util.List;
import org.dudao.engine.CompiledScheme;
import org.dudao.org.Enrolment;
import org.dudao.org.OrgTree;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.support.AsSystem;
import org.dudao.support.ModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/** Schemes with org, data and the engine beneath them: a used version is locked and compiled once. */
@ModuleTest
class SchemeModuleTest {

    @Autowired
    SchemeFiles files;

    @Autowired
    Schemes schemes;

    @Autowired
    SchoolInputs inputs;

    @Autowired
    OrgTree tree;

    @Autowired
    OrgUnits units;

    @Test
    void aUsedVersionIsLockedCompiledOnceAndFedFromStoredEnrolment() throws IOException {
        byte[] json = new ClassPathResource("scheme/demo/1-YWBZH.json").getContentAsByteArray();
        OrgUnitRef school = AsSystem.get(() -> {
            tree.create(unit("S-P", "方案省", "PROVINCE", null));
            tree.create(unit("S-C", "方案市", "CITY", "S-P"));
            tree.create(unit("S-X", "方案县", "COUNTY", "S-C"));
            tree.create(school("S-S", "方案小学", "PRIMARY", "S-X", new Enrolment(360, null, null)));
            files.importFile(json, "S-C");
            return units.readable("S-S");
        });

        VersionInfo used = AsSystem.get(() -> schemes.use("YWBZH", 1));
        assertThat(used.locked()).isTrue();
        CompiledScheme compiled = schemes.compiled(used.id());
        assertThat(schemes.compiled(used.id())).isSameAs(compiled);

        SchoolInputs.Stored one = AsSystem.get(() -> inputs.stored(compiled, school.id(), "2026"));
        SchoolInputs.Lean bulk = AsSystem.get(
                () -> inputs.lean(compiled, List.of(school.id()), "2026").get(school.id()));
        assertThat(one.engineEnrolment()).isEqualTo(bulk.enrolment());
        assertThat(bulk.enrolment().primary()).isEqualTo(360);
    }
}
