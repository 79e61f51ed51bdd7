package org.dudao.collection.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * A reported value at a parent unit that differs from the sum over its children (县乡一致), with the children's
 * figures for drilling down.
 */
public record Mismatch(
        String orgUnit,
        String orgUnitName,
        String item,
        String itemName,
        String unit,
        BigDecimal reported,
        BigDecimal childrenSum,
        BigDecimal difference,
        List<Child> children) {

    public record Child(String orgUnit, String name, BigDecimal value, boolean hasChildren) {}
}
