package org.dudao.org.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.dudao.data.DataItem;
import org.dudao.data.DataItems;
import org.dudao.data.DataValues;
import org.dudao.data.StoredValue;
import org.dudao.org.OrgUnits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A unit's collected data on its page: the periods it has values for and the values of one of them. */
@Service
public class UnitValues {

    /** The periods with values (newest first), the period shown and its values in catalogue order. */
    public record Values(List<String> periods, String period, List<Row> rows) {}

    /** One value: the item's code, name and unit, the number or text, who changed it last and when. */
    public record Row(
            String item, String name, String unit, BigDecimal num, String text, String updatedBy, Instant at) {}

    private final OrgUnits units;
    private final DataValues values;
    private final DataItems items;

    UnitValues(OrgUnits units, DataValues values, DataItems items) {
        this.units = units;
        this.values = values;
        this.items = items;
    }

    /** The values of the unit (read as the user may) in {@code period}, default its newest period. */
    @Transactional(readOnly = true)
    public Values of(String unitCode, String period) {
        Long id = units.readable(unitCode).id();
        List<StoredValue> stored = values.ofUnit(id);
        List<String> periods = stored.stream()
                .map(StoredValue::period)
                .distinct()
                .sorted(Comparator.reverseOrder())
                .toList();
        String shown = period != null && periods.contains(period.trim())
                ? period.trim()
                : periods.isEmpty() ? null : periods.get(0);
        Map<Long, DataItem> catalogue =
                items.byId(stored.stream().map(StoredValue::itemId).distinct().toList());
        List<Row> rows = stored.stream()
                .filter(v -> v.period().equals(shown) && catalogue.containsKey(v.itemId()))
                .map(v -> {
                    DataItem item = catalogue.get(v.itemId());
                    return new Row(
                            item.getCode(),
                            item.getName(),
                            item.getUnit(),
                            v.num(),
                            v.text(),
                            v.updatedBy(),
                            v.updatedAt());
                })
                .sorted(Comparator.comparing(Row::item))
                .toList();
        return new Values(periods, shown, rows);
    }
}
