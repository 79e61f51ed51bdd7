package org.dudao.collection.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dudao.data.DataItem;
import org.dudao.data.DataItems;
import org.dudao.data.DataValues;
import org.dudao.data.ItemValues;
import org.dudao.data.PeriodType;
import org.dudao.data.StoredValue;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads stored values and their history inside the caller's scope. */
@Service
public class ValueQueries {

    private final OrgUnits units;
    private final DataItems items;
    private final DataValues values;

    ValueQueries(OrgUnits units, DataItems items, DataValues values) {
        this.units = units;
        this.items = items;
        this.values = values;
    }

    /** Values of a unit (and, with {@code children}, of its direct children) for a period, optionally one item. */
    @Transactional(readOnly = true)
    public List<ValueView> values(String orgUnit, String period, String item, boolean children) {
        OrgUnitRef unit = units.readable(orgUnit);
        PeriodType.require(period);
        List<OrgUnitRef> list = new ArrayList<>();
        list.add(unit);
        if (children) {
            units.subtree(unit.code()).stream()
                    .filter(r -> unit.id().equals(r.parentId()))
                    .forEach(list::add);
        }
        Map<Long, DataItem> itemById;
        if (item != null && !item.isBlank()) {
            DataItem one = items.entity(item);
            itemById = Map.of(one.getId(), one);
        } else {
            itemById = items.all().values().stream().collect(Collectors.toMap(DataItem::getId, Function.identity()));
        }
        Map<Long, OrgUnitRef> unitById = list.stream().collect(Collectors.toMap(OrgUnitRef::id, Function.identity()));
        List<ValueView> result =
                new ArrayList<>(values.find(unitById.keySet(), itemById.keySet(), period.trim()).stream()
                        .map(v -> view(unitById.get(v.orgUnitId()), itemById.get(v.itemId()), v))
                        .toList());
        Map<String, DataItem> itemByCode =
                itemById.values().stream().collect(Collectors.toMap(DataItem::getCode, Function.identity()));
        // listing every item, a computed one that cannot be computed (无法计算) would only be noise: asked for alone,
        // it comes with the reason
        boolean oneItem = itemById.size() == 1;
        values.computed(unitById.keySet(), period.trim(), itemByCode.keySet())
                .forEach((unitId, byCode) -> byCode.forEach((code, c) -> {
                    if (!c.computable() && !oneItem) {
                        return;
                    }
                    DataItem i = itemByCode.get(code);
                    OrgUnitRef u = unitById.get(unitId);
                    result.add(new ValueView(
                            u.code(),
                            u.name(),
                            i.getCode(),
                            i.getName(),
                            i.getUnit(),
                            period.trim(),
                            c.computable() ? ItemValues.format(i, c.value(), null) : null,
                            -1,
                            null,
                            null,
                            true,
                            c.reason()));
                }));
        result.sort(Comparator.comparing(ValueView::orgUnit).thenComparing(ValueView::item));
        return result;
    }

    @Transactional(readOnly = true)
    public List<HistoryView> history(String orgUnit, String item, String period) {
        OrgUnitRef unit = units.readable(orgUnit);
        PeriodType.require(period);
        DataItem dataItem = items.entity(item);
        return values.history(unit.id(), dataItem.getId(), period.trim()).stream()
                .map(h -> new HistoryView(
                        ItemValues.format(dataItem, h.oldNum(), h.oldText()),
                        ItemValues.format(dataItem, h.newNum(), h.newText()),
                        h.source(),
                        h.changedBy(),
                        h.changedAt()))
                .toList();
    }

    static ValueView view(OrgUnitRef unit, DataItem item, StoredValue v) {
        return new ValueView(
                unit.code(),
                unit.name(),
                item.getCode(),
                item.getName(),
                item.getUnit(),
                v.period(),
                ItemValues.format(item, v.num(), v.text()),
                v.version(),
                v.updatedBy(),
                v.updatedAt(),
                false,
                null);
    }
}
