package org.dudao.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.OrgForms.school;
import static org.dudao.support.OrgForms.unit;

import java.time.LocalDate;
import java.util.List;
import org.dudao.org.Enrolment;
import org.dudao.org.OrgTree;
import org.dudao.rectification.ItemView;
import org.dudao.rectification.Rectifications;
import org.dudao.support.AsSystem;
import org.dudao.support.ModuleTest;
import org.dudao.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Inspection with only what it declares (org, rectification, evidence, user, calendar, audit): an inspector of a
 * county, a zone, a visit whose finding opens a rectification item, the month's calendar and workload, and the
 * summary due days counted on the working-day calendar.
 */
@ModuleTest
class InspectionModuleTest {

    @Autowired
    Inspectors inspectors;

    @Autowired
    Zones zones;

    @Autowired
    Visits visits;

    @Autowired
    Calendars calendars;

    @Autowired
    Workloads workloads;

    @Autowired
    Summaries summaries;

    @Autowired
    Rectifications rectifications;

    @Autowired
    OrgTree tree;

    @Test
    void aVisitInTheModuleAloneOpensAnItemAndCountsInCalendarAndWorkload() {
        String month = TestClock.today().toString().substring(0, 7);
        WorkloadView workload = AsSystem.get(() -> {
            tree.create(unit("I-P", "督导省", "PROVINCE", null));
            tree.create(unit("I-C", "督导市", "CITY", "I-P"));
            tree.create(unit("I-X", "督导县", "COUNTY", "I-C"));
            tree.create(school("I-S1", "督导一小", "PRIMARY", "I-X", new Enrolment(300, null, null)));
            tree.create(school("I-S2", "督导二小", "PRIMARY", "I-X", new Enrolment(200, null, null)));
            InspectorView i = inspectors.create(new InspectorRequest(
                    "模块督学", null, "FULL_TIME", null, null, null, null, null, "13900000000", "I-X", false, null));
            zones.create(new ZoneRequest(
                    "I-Z",
                    "模块责任区",
                    "I-X",
                    i.id(),
                    List.of("I-S1", "I-S2"),
                    List.of(
                            new ZoneRequest.AssignmentRequest("I-S1", i.id()),
                            new ZoneRequest.AssignmentRequest("I-S2", i.id())),
                    null));
            VisitView v = visits.plan(
                    new VisitRequest("I-S1", i.id(), TestClock.today().toString(), "常规督导", null, null));
            visits.checkIn(v.id());
            visits.addFinding(
                    v.id(),
                    new FindingRequest(
                            "SAFETY",
                            "灭火器过期",
                            "差",
                            null,
                            true,
                            "更换灭火器",
                            TestClock.today().plusDays(10).toString()));
            return workloads.month("I-X", month);
        });

        List<ItemView> items = AsSystem.get(() -> rectifications.list("I-S1", null));
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.source()).isEqualTo("INSPECTION");
            assertThat(item.problem()).isEqualTo("灭火器过期");
        });
        CalendarView calendar = AsSystem.get(() -> calendars.month("I-X", month));
        assertThat(calendar.unvisited()).isEqualTo(1);
        assertThat(calendar.schools())
                .filteredOn(CalendarView.School::visited)
                .extracting(CalendarView.School::school)
                .containsExactly("I-S1");
        assertThat(workload.rows()).singleElement().satisfies(r -> {
            assertThat(r.visits()).isEqualTo(1);
            assertThat(r.schools()).isEqualTo(1);
            assertThat(r.findings()).isEqualTo(1);
            assertThat(r.rectified()).isEqualTo(1);
            assertThat(r.closedOnTime()).isZero();
            assertThat(r.summary()).isEqualTo("OPEN");
        });
        // May 2026's summary: the 5th working day of June; the first half's: the 5th of July, a Sunday → the 7th
        assertThat(summaries.due("MONTH", "2026-05")).isEqualTo(LocalDate.of(2026, 6, 5));
        assertThat(summaries.due("HALF", "2026-H1")).isEqualTo(LocalDate.of(2026, 7, 7));
    }
}
