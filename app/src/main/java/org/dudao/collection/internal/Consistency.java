package org.dudao.collection.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.data.DataItem;
import org.dudao.data.DataItems;
import org.dudao.data.DataValues;
import org.dudao.data.PeriodType;
import org.dudao.data.StoredValue;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cross-level consistency (表表相通、县乡一致): for items that sum up the tree, a value reported at a township,
 * county or city must equal the sum of its children's values (a child without a value counts as 0).
 */
@Service
public class Consistency {

    private final OrgUnits units;
    private final DataItems items;
    private final DataValues values;

    Consistency(OrgUnits units, DataItems items, DataValues values) {
        this.units = units;
        this.items = items;
        this.values = values;
    }

    /** Every mismatch in the subtree of {@code orgUnit} (the unit itself included), in tree order. */
    @Transactional(readOnly = true)
    public List<Mismatch> check(String orgUnit, String period) {
        PeriodType.require(period);
        units.readable(orgUnit);
        List<OrgUnitRef> tree = units.subtree(orgUnit);
        return mismatches(tree, tree, sumItems(period.trim(), null), period.trim());
    }

    /** Mismatches of one unit only, for {@code itemCodes} (a parent's form before it is submitted). */
    @Transactional(readOnly = true)
    public List<Mismatch> checkUnit(OrgUnitRef unit, String period, Collection<String> itemCodes) {
        List<OrgUnitRef> tree = units.subtree(unit.code());
        List<OrgUnitRef> near = tree.stream()
                .filter(r -> r.id().equals(unit.id()) || unit.id().equals(r.parentId()))
                .toList();
        return mismatches(near, List.of(unit), sumItems(period, itemCodes), period);
    }

    private List<DataItem> sumItems(String period, Collection<String> codes) {
        PeriodType type = PeriodType.of(period);
        return (codes == null ? items.all().values() : items.byCode(codes).values())
                .stream()
                        .filter(DataItem::sums)
                        .filter(i -> i.getPeriodType() == type)
                        .sorted(java.util.Comparator.comparing(DataItem::getCode))
                        .toList();
    }

    private List<Mismatch> mismatches(
            List<OrgUnitRef> tree, List<OrgUnitRef> parents, List<DataItem> sumItems, String period) {
        List<Mismatch> result = new ArrayList<>();
        if (sumItems.isEmpty()) {
            return result;
        }
        Map<Long, List<OrgUnitRef>> childrenOf = new HashMap<>();
        tree.forEach(r -> {
            if (r.parentId() != null) {
                childrenOf.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r);
            }
        });
        Set<Long> ids = new HashSet<>();
        tree.forEach(r -> ids.add(r.id()));
        Map<Long, Map<Long, BigDecimal>> byUnit = new HashMap<>();
        for (StoredValue v :
                values.find(ids, sumItems.stream().map(DataItem::getId).toList(), period)) {
            if (v.num() != null) {
                byUnit.computeIfAbsent(v.orgUnitId(), k -> new HashMap<>()).put(v.itemId(), v.num());
            }
        }
        for (OrgUnitRef parent : parents) {
            List<OrgUnitRef> children = childrenOf.getOrDefault(parent.id(), List.of());
            Map<Long, BigDecimal> reported = byUnit.getOrDefault(parent.id(), Map.of());
            if (children.isEmpty() || reported.isEmpty()) {
                continue;
            }
            for (DataItem item : sumItems) {
                BigDecimal r = reported.get(item.getId());
                Mismatch m = r == null ? null : compare(parent, item, r, children, childrenOf, byUnit);
                if (m != null) {
                    result.add(m);
                }
            }
        }
        return result;
    }

    /** The parent's reported value against the sum of its children's, or null when they agree. */
    private static Mismatch compare(
            OrgUnitRef parent,
            DataItem item,
            BigDecimal reported,
            List<OrgUnitRef> children,
            Map<Long, List<OrgUnitRef>> childrenOf,
            Map<Long, Map<Long, BigDecimal>> byUnit) {
        BigDecimal sum = BigDecimal.ZERO;
        List<Mismatch.Child> kids = new ArrayList<>();
        for (OrgUnitRef c : children) {
            BigDecimal v = byUnit.getOrDefault(c.id(), Map.of()).get(item.getId());
            if (v != null) {
                sum = sum.add(v);
            }
            kids.add(new Mismatch.Child(c.code(), c.name(), norm(v), childrenOf.containsKey(c.id())));
        }
        if (reported.compareTo(sum) == 0) {
            return null;
        }
        return new Mismatch(
                parent.code(),
                parent.name(),
                item.getCode(),
                item.getName(),
                item.getUnit(),
                norm(reported),
                norm(sum),
                norm(reported.subtract(sum)),
                kids);
    }

    static BigDecimal norm(BigDecimal n) {
        if (n == null) {
            return null;
        }
        BigDecimal s = n.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
