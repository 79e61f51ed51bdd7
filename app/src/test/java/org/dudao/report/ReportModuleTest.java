package org.dudao.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.OrgForms.school;
import static org.dudao.support.OrgForms.unit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.dudao.evaluation.Phase;
import org.dudao.evaluation.ProjectForm;
import org.dudao.evaluation.Projects;
import org.dudao.org.Enrolment;
import org.dudao.org.OrgTree;
import org.dudao.report.internal.Dashboard;
import org.dudao.report.internal.Dashboards;
import org.dudao.scheme.SchemeFiles;
import org.dudao.support.AsSystem;
import org.dudao.support.ModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/** Reports over evaluation and rectification: a county's dashboard counts the files of its project's year. */
@ModuleTest
class ReportModuleTest {

    @Autowired
    Dashboards dashboards;

    @Autowired
    Projects projects;

    @Autowired
    SchemeFiles schemeFiles;

    @Autowired
    OrgTree tree;

    @Test
    void aCountyDashboardCountsTheFilesAndPlanOfItsYear() throws IOException {
        // a scheme code of its own: module tests share one database
        String json = new ClassPathResource("scheme/demo/1-YWBZH.json")
                .getContentAsString(StandardCharsets.UTF_8)
                .replaceFirst("\"code\": \"YWBZH\"", "\"code\": \"RPMOD\"");
        AsSystem.get(() -> {
            tree.create(unit("B-P", "报表省", "PROVINCE", null));
            tree.create(unit("B-C", "报表市", "CITY", "B-P"));
            tree.create(unit("B-X", "报表县", "COUNTY", "B-C"));
            tree.create(school("B-S1", "报表一小", "PRIMARY", "B-X", new Enrolment(360, null, null)));
            tree.create(school("B-S2", "报表二小", "PRIMARY", "B-X", new Enrolment(240, null, null)));
            schemeFiles.importFile(json.getBytes(StandardCharsets.UTF_8), "B-C");
            return projects.create(new ProjectForm(
                    "B-2026", "报表县2026年验收", 2026, "RPMOD", null, "B-X", null, 7, 1, 0, null, null, null));
        });

        Dashboard year = AsSystem.get(() -> dashboards.dashboard("B-X", 2026, null));
        assertThat(year.files()).isEqualTo(2);
        assertThat(year.stages())
                .filteredOn(c -> c.key().equals(Phase.SELF.name()))
                .singleElement()
                .satisfies(c -> assertThat(c.count()).isEqualTo(2));
        assertThat(year.quota().plan()).isEqualTo(1);
        assertThat(year.quota().awarded()).isZero();
        assertThat(year.rectification().open()).isZero();

        Dashboard empty = AsSystem.get(() -> dashboards.dashboard("B-X", 2025, null));
        assertThat(empty.files()).isZero();
        assertThat(empty.quota().plan()).isZero();
    }
}
