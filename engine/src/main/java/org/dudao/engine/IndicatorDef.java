package org.dudao.engine;

import java.util.List;

/**
 * A node of the indicator tree (一级/二级/三级指标). A leaf carries a rule; a parent's score is the sum
 * of its children. A bonus indicator (加分项) is added on top of the normal total, so its points do
 * not count towards its parent's or the scheme's maximum.
 */
public record IndicatorDef(
        String code, String name, double points, boolean bonus, RuleDef rule, List<IndicatorDef> children) {

    public IndicatorDef {
        children = children == null ? List.of() : List.copyOf(children);
    }

    public static IndicatorDef leaf(String code, String name, double points, RuleDef rule) {
        return new IndicatorDef(code, name, points, false, rule, List.of());
    }

    public static IndicatorDef bonusLeaf(String code, String name, double points, RuleDef rule) {
        return new IndicatorDef(code, name, points, true, rule, List.of());
    }

    public static IndicatorDef parent(String code, String name, double points, IndicatorDef... children) {
        return new IndicatorDef(code, name, points, false, null, List.of(children));
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }
}
