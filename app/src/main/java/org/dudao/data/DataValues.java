package org.dudao.data;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dudao.audit.AuditLog;
import org.dudao.shared.Access;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes values of the enter-once store. Callers have already checked scope for the org unit; this
 * service keeps one row per (unit, item, period) and audits every change (old → new).
 */
@Service
public class DataValues {

    private final DataItemRepository items;
    private final DataValueRepository values;
    private final AuditLog audit;
    private final Clock clock;

    DataValues(DataItemRepository items, DataValueRepository values, AuditLog audit, Clock clock) {
        this.items = items;
        this.values = values;
        this.audit = audit;
        this.clock = clock;
    }

    public DataItem item(String code) {
        return items.findByCode(code).orElseThrow(() -> new IllegalStateException("unknown data item " + code));
    }

    /** Numeric values of {@code itemCodes} for one unit and period; absent items are missing from the map. */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> numbers(Long orgUnitId, String period, Collection<String> itemCodes) {
        Map<Long, String> codeById = new HashMap<>();
        items.findByCodeIn(itemCodes).forEach(i -> codeById.put(i.getId(), i.getCode()));
        Map<String, BigDecimal> result = new HashMap<>();
        values.findByOrgUnitIdInAndItemIdInAndPeriod(List.of(orgUnitId), codeById.keySet(), period)
                .forEach(v -> result.put(codeById.get(v.getItemId()), v.getNumValue()));
        return result;
    }

    /** Numeric values of {@code itemCodes} for many units and one period: unit id → item code → value. */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, BigDecimal>> numbers(Collection<Long> orgUnitIds, String period,
            Collection<String> itemCodes) {
        Map<Long, String> codeById = new HashMap<>();
        items.findByCodeIn(itemCodes).forEach(i -> codeById.put(i.getId(), i.getCode()));
        Map<Long, Map<String, BigDecimal>> result = new HashMap<>();
        if (orgUnitIds.isEmpty() || codeById.isEmpty()) {
            return result;
        }
        values.findByOrgUnitIdInAndItemIdInAndPeriod(orgUnitIds, codeById.keySet(), period)
                .forEach(v -> result.computeIfAbsent(v.getOrgUnitId(), k -> new HashMap<>())
                        .put(codeById.get(v.getItemId()), v.getNumValue()));
        return result;
    }

    /** The latest period in which the unit has any of {@code itemCodes}, or null. */
    @Transactional(readOnly = true)
    public String latestPeriod(Long orgUnitId, Collection<String> itemCodes) {
        List<Long> ids = items.findByCodeIn(itemCodes).stream().map(DataItem::getId).toList();
        return values.findByOrgUnitIdAndItemIdIn(orgUnitId, ids).stream().map(DataValue::getPeriod)
                .max(String::compareTo).orElse(null);
    }

    /**
     * Sets (or clears, with null) a numeric value. Returns true when something changed. {@code scopePath} is the
     * unit's org path, recorded with the audit entry.
     */
    @Transactional
    public boolean putNumber(Long orgUnitId, String scopePath, String period, String itemCode, BigDecimal number) {
        DataItem item = item(itemCode);
        DataValue value = values.findByOrgUnitIdAndItemIdAndPeriod(orgUnitId, item.getId(), period).orElse(null);
        BigDecimal old = value == null ? null : value.getNumValue();
        if (old == null ? number == null : number != null && old.compareTo(number) == 0) {
            return false;
        }
        String label = item.getName() + " " + period;
        if (number == null) {
            values.delete(value);
            audit.deleted("DataValue", orgUnitId + "/" + itemCode + "/" + period, label, scopePath, old);
            return true;
        }
        if (value == null) {
            value = new DataValue(orgUnitId, item.getId(), period);
        }
        value.set(number, null, Access.currentUsername(), Instant.now(clock));
        values.save(value);
        if (old == null) {
            audit.created("DataValue", orgUnitId + "/" + itemCode + "/" + period, label, scopePath, number);
        } else {
            audit.updated("DataValue", orgUnitId + "/" + itemCode + "/" + period, label, scopePath, old, number);
        }
        return !Objects.equals(old, number);
    }

    @Transactional(readOnly = true)
    public boolean hasValues(Long orgUnitId) {
        return values.existsByOrgUnitId(orgUnitId);
    }
}
