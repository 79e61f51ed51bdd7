package org.dudao.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.OrgForms.school;
import static org.dudao.support.OrgForms.unit;

import java.math.BigDecimal;
import org.dudao.balance.internal.BalanceView;
import org.dudao.balance.internal.Balances;
import org.dudao.data.DataValues;
import org.dudao.org.Enrolment;
import org.dudao.org.OrgTree;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.support.AsSystem;
import org.dudao.support.ModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The balance feature with only org and data: a county's CVs from stored values (SPEC §4's worked example). */
@ModuleTest
class BalanceModuleTest {

    @Autowired
    Balances balances;

    @Autowired
    OrgTree tree;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    @Test
    void aCountysCvComesFromItsSchoolsStoredValues() {
        AsSystem.get(() -> {
            tree.create(unit("V-P", "均衡省", "PROVINCE", null));
            tree.create(unit("V-C", "均衡市", "CITY", "V-P"));
            tree.create(unit("V-X", "均衡县", "COUNTY", "V-C"));
            int[][] schools = {{100, 1000}, {100, 2000}, {200, 6000}};
            for (int i = 0; i < schools.length; i++) {
                String code = "V-S" + i;
                tree.create(school(code, "均衡" + i + "小", "PRIMARY", "V-X", new Enrolment(schools[i][0], null, null)));
                OrgUnitRef ref = orgUnits.readable(code);
                values.putNumber(ref.id(), ref.path(), "2026", "books", BigDecimal.valueOf(schools[i][1]));
            }
            return null;
        });
        BalanceView view = AsSystem.get(() -> balances.balance("V-X", 2026));
        BalanceView.IndicatorView books = view.stage("PRIMARY").indicators().stream()
                .filter(i -> i.code().equals("books"))
                .findFirst()
                .orElseThrow();
        assertThat(books.mean()).isEqualByComparingTo("22.5");
        assertThat(books.cv()).isEqualByComparingTo("0.3685");
        assertThat(view.stage("JUNIOR").indicators().get(0).schools()).isEmpty();
    }
}
