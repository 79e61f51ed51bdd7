package org.dudao.balance.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.data.Computed;
import org.dudao.data.ComputedItems;
import org.dudao.data.PeriodType;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The county figures {@code cv_primary} and {@code cv_junior} (综合差异系数 per stage) for the data module, so schemes
 * such as 先进县 read the computed CV instead of a typed one. The data module has checked the caller's scope on the
 * unit; the figure is an aggregate of that unit's own subtree, read with the system's scope.
 */
@org.springframework.stereotype.Component
class CountyCv implements ComputedItems {

    private static final Map<String, Stage> ITEMS = Map.of("cv_primary", Stage.PRIMARY, "cv_junior", Stage.JUNIOR);

    // looked up on use: the data module's value reader depends on every ComputedItems bean, and these depend on it
    private final ObjectProvider<OrgUnits> orgUnits;
    private final ObjectProvider<SchoolData> data;
    private final ObjectProvider<Statistics> statistics;

    CountyCv(
            ObjectProvider<OrgUnits> orgUnits, ObjectProvider<SchoolData> data, ObjectProvider<Statistics> statistics) {
        this.orgUnits = orgUnits;
        this.data = data;
        this.statistics = statistics;
    }

    @Override
    public Set<String> codes() {
        return ITEMS.keySet();
    }

    @Override
    public Computed value(Long orgUnitId, String period, String itemCode) {
        Stage stage = ITEMS.get(itemCode);
        if (stage == null) {
            throw new IllegalArgumentException("not a computed balance item: " + itemCode);
        }
        if (PeriodType.of(period) != PeriodType.YEAR) {
            return Computed.notComputable("差异系数按年度计算，期间应为年份");
        }
        OrgUnits orgUnits = this.orgUnits.getObject();
        OrgUnitRef unit = orgUnits.refs(List.of(orgUnitId)).get(orgUnitId);
        if (unit == null) {
            return Computed.notComputable("单位不存在");
        }
        BigDecimal[] result = new BigDecimal[1];
        boolean[] schools = new boolean[1];
        Access.runAsSystem(() -> {
            List<SchoolData.School> list = data.getObject().load(orgUnits.subtree(unit.code()), period);
            schools[0] = list.stream().anyMatch(s -> SchoolData.teaches(s.type(), stage));
            result[0] = statistics.getObject().compositeOf(stage, list);
        });
        if (!schools[0]) {
            return Computed.notComputable("无" + stage.label() + "学校");
        }
        return result[0] == null
                ? Computed.notComputable(stage.label() + "八项指标数据不全（缺少资源数据或在校生数）")
                : Computed.of(result[0]);
    }
}
