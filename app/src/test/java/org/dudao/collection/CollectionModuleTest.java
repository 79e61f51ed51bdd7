package org.dudao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dudao.support.OrgForms.unit;

import java.util.List;
import org.dudao.org.OrgTree;
import org.dudao.shared.InvalidInputException;
import org.dudao.support.AsSystem;
import org.dudao.support.ModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Collection with org, data and evidence beneath it: a task reaches exactly the schools of its subtree. */
@ModuleTest
class CollectionModuleTest {

    @Autowired
    CollectionTasks tasks;

    @Autowired
    OrgTree tree;

    @Test
    void aTaskForSchoolsReachesEachSchoolOfTheSubtreeOnce() {
        AsSystem.get(() -> {
            tree.create(unit("C-P", "采集省", "PROVINCE", null));
            tree.create(unit("C-C", "采集市", "CITY", "C-P"));
            tree.create(unit("C-X", "采集县", "COUNTY", "C-C"));
            tree.create(unit("C-T", "采集镇", "TOWNSHIP", "C-X"));
            tree.create(unit("C-S1", "采集一小", "PRIMARY", "C-T"));
            tree.create(unit("C-S2", "采集中学", "JUNIOR", "C-X"));
            return tree.create(unit("C-Y", "邻县", "COUNTY", "C-C"));
        });
        NewTask.Section enrolment = new NewTask.Section("在校生", List.of("students_primary", "students_junior"));

        TaskView task = AsSystem.get(() -> tasks.create(new NewTask(
                "2026年学校基础数据",
                "2026",
                "C-X",
                List.of("SCHOOL"),
                "2026-12-31",
                null,
                List.of(enrolment),
                List.of(),
                null)));

        assertThat(task.total()).isEqualTo(2);
        assertThat(task.sections())
                .singleElement()
                .satisfies(s -> assertThat(s.items())
                        .extracting(TaskView.ItemRef::code)
                        .containsExactly("students_primary", "students_junior"));
        assertThatThrownBy(() -> AsSystem.get(() -> tasks.create(new NewTask(
                        "",
                        "2026",
                        "C-X",
                        List.of("SCHOOL"),
                        "2026-12-31",
                        null,
                        List.of(enrolment),
                        List.of(),
                        null))))
                .isInstanceOf(InvalidInputException.class);
    }
}
