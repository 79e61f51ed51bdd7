package org.dudao.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.OrgForms.school;
import static org.dudao.support.OrgForms.unit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dudao.org.Enrolment;
import org.dudao.org.OrgTree;
import org.dudao.scheme.SchemeFiles;
import org.dudao.support.AsSystem;
import org.dudao.support.ModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/** Evaluation with org, scheme, engine, data and collection beneath it: a project opens one file per school. */
@ModuleTest
class EvaluationModuleTest {

    @Autowired
    Projects projects;

    @Autowired
    Evaluations evaluations;

    @Autowired
    SchemeFiles schemeFiles;

    @Autowired
    OrgTree tree;

    @Test
    void aCountyProjectOpensOneSelfEvaluationFilePerSchoolScoredFromStoredValues() throws IOException {
        // a scheme code of its own: module tests share one database
        String json = new ClassPathResource("scheme/demo/1-YWBZH.json")
                .getContentAsString(StandardCharsets.UTF_8)
                .replaceFirst("\"code\": \"YWBZH\"", "\"code\": \"EVMOD\"");
        AsSystem.get(() -> {
            tree.create(unit("E-P", "评估省", "PROVINCE", null));
            tree.create(unit("E-C", "评估市", "CITY", "E-P"));
            tree.create(unit("E-X", "评估县", "COUNTY", "E-C"));
            tree.create(school("E-S1", "评估一小", "PRIMARY", "E-X", new Enrolment(360, null, null)));
            tree.create(school("E-S2", "评估二小", "PRIMARY", "E-X", new Enrolment(240, null, null)));
            return schemeFiles.importFile(json.getBytes(StandardCharsets.UTF_8), "E-C");
        });

        var project = AsSystem.get(() -> projects.create(new ProjectForm(
                "E-2026", "评估县2026年验收", 2026, "EVMOD", null, "E-X", null, 7, null, null, null, null, null)));
        assertThat(project.schools()).isEqualTo(2);

        List<EvaluationView> files = AsSystem.get(() -> evaluations.list("E-2026"));
        assertThat(files).extracting(EvaluationView::orgUnit).containsExactly("E-S1", "E-S2");
        assertThat(files).allSatisfy(f -> {
            assertThat(f.stage()).isEqualTo(Phase.SELF.name());
            assertThat(f.status()).isEqualTo("DRAFT");
        });

        // nothing collected or scored yet: the live sheet sums what it can, but grades nothing while the manual
        // indicators are unscored (they would count 0 and read as 不达标)
        EvaluationDetail detail = AsSystem.get(() -> evaluations.detail("E-2026", "E-S1"));
        assertThat(detail.liveTotal()).isLessThan(850);
        assertThat(detail.liveGrade()).isNull();
    }
}
