package org.dudao.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.OrgForms.school;
import static org.dudao.support.OrgForms.unit;

import java.util.List;
import org.dudao.evaluation.EvaluationFinalized;
import org.dudao.evaluation.EvaluationFinalized.Shortfall;
import org.dudao.org.Enrolment;
import org.dudao.org.OrgTree;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.support.AsSystem;
import org.dudao.support.ModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** Rectification beneath evaluation: a file closed below 达标 drafts one item per shortfall, once. */
@ModuleTest
class RectificationModuleTest {

    @Autowired
    Rectifications rectifications;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    OrgTree tree;

    @Autowired
    OrgUnits units;

    @Test
    void aFileClosedBelowTheTopGradeDraftsOneItemPerShortfallAfterCommit() {
        OrgUnitRef school = AsSystem.get(() -> {
            tree.create(unit("R-P", "整改省", "PROVINCE", null));
            tree.create(unit("R-C", "整改市", "CITY", "R-P"));
            tree.create(unit("R-X", "整改县", "COUNTY", "R-C"));
            tree.create(school("R-S", "整改小学", "PRIMARY", "R-X", new Enrolment(300, null, null)));
            return units.readable("R-S");
        });
        EvaluationFinalized closed = new EvaluationFinalized(
                "R-2026",
                "整改县2026年验收",
                school.id(),
                school.code(),
                school.path(),
                2026,
                812.5,
                "不达标",
                false,
                List.of(
                        new Shortfall("INDICATOR", "A11", "生均校舍建筑面积", 12.5, "扩建校舍"),
                        new Shortfall("VETO", "V1", "安全事故", 0, "发生重大安全责任事故")));

        // the listener runs after the closing transaction commits; a second delivery drafts nothing new
        tx.executeWithoutResult(s -> events.publishEvent(closed));
        tx.executeWithoutResult(s -> events.publishEvent(closed));

        List<ItemView> items = AsSystem.get(() -> rectifications.list("R-S", null));
        assertThat(items).extracting(ItemView::code).containsExactlyInAnyOrder("A11", "V1");
        assertThat(items).allSatisfy(i -> {
            assertThat(i.sourceRef()).isEqualTo("R-2026");
            assertThat(i.orgUnit()).isEqualTo("R-S");
        });
        assertThat(items)
                .filteredOn(i -> i.code().equals("A11"))
                .singleElement()
                .satisfies(i -> assertThat(i.pointsLost()).isEqualTo(12.5));
    }
}
