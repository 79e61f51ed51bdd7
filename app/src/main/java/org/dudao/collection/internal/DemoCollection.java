package org.dudao.collection.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dudao.collection.CollectionTasks;
import org.dudao.collection.NewTask;
import org.dudao.collection.TaskView;
import org.dudao.data.DataItems;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: one school-facilities task of this year for the schools of 青山县, with forms in every
 * state, so the progress board, the review and the consistency check have something to show. Runs once.
 */
@Component
@Profile("demo")
@Order(40)
class DemoCollection implements ApplicationRunner {

    static final String NAME = "年度学校办学条件数据采集";
    private final CollectionTasks tasks;
    private final CollectionTaskRepository repository;
    private final UnitForms forms;
    private final OrgUnits units;
    private final DataItems items;
    private final Clock clock;
    private final Random random = new Random(7);

    DemoCollection(
            CollectionTasks tasks,
            CollectionTaskRepository repository,
            UnitForms forms,
            OrgUnits units,
            DataItems items,
            Clock clock) {
        this.tasks = tasks;
        this.repository = repository;
        this.forms = forms;
        this.units = units;
        this.items = items;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (repository.count() > 0) {
            return;
        }
        Access.runAsSystem(this::seed);
    }

    private void seed() {
        Map<String, ?> known = items.all();
        if (!known.containsKey("classrooms")
                || units.readableByCode(List.of("JB0101")).isEmpty()) {
            return;
        }
        TaskView task = issue(known);
        List<OrgUnitRef> schools = units.subtree("JB010102").stream()
                .filter(u -> u.kind().isSchool())
                .toList();
        for (int i = 0; i < schools.size(); i++) {
            OrgUnitRef school = schools.get(i);
            forms.saveDraft(task.id(), school.code(), input(school));
            if (i % 3 == 1) {
                forms.submit(task.id(), school.code(), null);
            }
            if (i == 1) {
                forms.approve(task.id(), school.code());
            }
            if (i == 4) {
                forms.returnForChanges(task.id(), school.code(), "食堂面积与房产证不一致，请核实后重新填报");
            }
        }
    }

    /** This year's demo task for the schools of the demo county, with a safety rule when its items exist. */
    private TaskView issue(Map<String, ?> known) {
        LocalDate today = LocalDate.now(clock);
        String year = String.valueOf(today.getYear());
        List<NewTask.Section> sections = new ArrayList<>();
        sections.add(new NewTask.Section("校舍与设施", List.of("classrooms", "canteen_area", "toilet_seats")));
        List<NewTask.Rule> rules = new ArrayList<>();
        if (known.containsKey("building_area") && known.containsKey("danger_d_area")) {
            sections.add(new NewTask.Section("校舍安全", List.of("building_area", "danger_d_area")));
            rules.add(new NewTask.Rule("danger_d_area", "<=", List.of("building_area"), null));
        }
        sections.add(new NewTask.Section(
                "学生与管理",
                List.of(
                        "dropouts_primary",
                        "consolidation_rate_primary",
                        "psych_room",
                        "safety_drill_date",
                        "collection_remarks")));
        return tasks.create(new NewTask(
                year + NAME,
                year,
                "JB0101",
                List.of("SCHOOL"),
                today.plusDays(20).toString(),
                "请各校如实填报本年度办学条件数据，并上传校舍安全鉴定等佐证材料。",
                sections,
                rules,
                null));
    }

    /** Plausible values of a school's draft. */
    private FormInput input(OrgUnitRef school) {
        return new FormInput(
                Map.of(
                        "classrooms",
                        String.valueOf(12 + random.nextInt(30)),
                        "canteen_area",
                        String.valueOf(200 + random.nextInt(800)),
                        "toilet_seats",
                        String.valueOf(20 + random.nextInt(60)),
                        "dropouts_primary",
                        school.kind() == OrgKind.PRIMARY ? String.valueOf(random.nextInt(3)) : "0",
                        "psych_room",
                        random.nextBoolean() ? "true" : "false"),
                Map.of(),
                null);
    }
}
