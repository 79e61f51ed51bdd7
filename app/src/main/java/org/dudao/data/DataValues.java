package org.dudao.data;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dudao.data.internal.DataItemRepository;
import org.dudao.data.internal.Derivations;
import org.dudao.data.internal.ValueReader;
import org.dudao.data.internal.ValueWriter;
import org.dudao.shared.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes values of the enter-once store. Callers have already checked scope for the org unit; the
 * store keeps one row per (unit, item, period), refuses stale and locked writes, records every change in
 * {@code data_value_history} (old → new) and audits each unit's changes. Bulk writes use JDBC batches.
 */
@Service
public class DataValues {

    private final DataItemRepository items;
    private final ValueReader reader;
    private final ValueWriter writer;
    private final Derivations derivations;

    DataValues(DataItemRepository items, ValueReader reader, ValueWriter writer, Derivations derivations) {
        this.items = items;
        this.reader = reader;
        this.writer = writer;
        this.derivations = derivations;
    }

    public DataItem item(String code) {
        return items.findByCode(code).orElseThrow(() -> new IllegalStateException("unknown data item " + code));
    }

    /**
     * Numeric values of {@code itemCodes} for one unit and period; absent items are missing from the map. Derived
     * and computed items are read like stored ones; one that cannot be computed (无法计算) is missing.
     */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> numbers(Long orgUnitId, String period, Collection<String> itemCodes) {
        return numbers(List.of(orgUnitId), period, itemCodes).getOrDefault(orgUnitId, new HashMap<>());
    }

    /** Numeric values of {@code itemCodes} for many units and one period: unit id → item code → value. */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, BigDecimal>> numbers(
            Collection<Long> orgUnitIds, String period, Collection<String> itemCodes) {
        Derivations.Plan plan = derivations.plan(itemCodes);
        if (plan.storedOnly()) {
            return reader.numbers(orgUnitIds, period, itemCodes);
        }
        Map<Long, Map<String, BigDecimal>> stored = reader.numbers(orgUnitIds, period, plan.stored());
        Map<Long, Map<String, BigDecimal>> result = new HashMap<>();
        for (Long unit : orgUnitIds) {
            Map<String, BigDecimal> own = stored.getOrDefault(unit, Map.of());
            Map<String, Computed> computed = derivations.evaluate(plan, unit, period, own);
            Map<String, BigDecimal> values = new HashMap<>();
            for (String code : itemCodes) {
                BigDecimal n = plan.computes(code) ? computed.get(code).value() : own.get(code);
                if (n != null) {
                    values.put(code, n);
                }
            }
            if (!values.isEmpty()) {
                result.put(unit, values);
            }
        }
        return result;
    }

    /**
     * The values of the computed items among {@code itemCodes} (derived by a formula or computed by another
     * feature) for many units and one period, with the reason where one cannot be computed (无法计算): unit id →
     * item code → value. Stored items are left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, Computed>> computed(
            Collection<Long> orgUnitIds, String period, Collection<String> itemCodes) {
        Derivations.Plan plan = derivations.plan(itemCodes);
        Map<Long, Map<String, Computed>> result = new HashMap<>();
        if (plan.storedOnly()) {
            return result;
        }
        Map<Long, Map<String, BigDecimal>> stored = reader.numbers(orgUnitIds, period, plan.stored());
        for (Long unit : orgUnitIds) {
            Map<String, Computed> all = derivations.evaluate(plan, unit, period, stored.getOrDefault(unit, Map.of()));
            Map<String, Computed> asked = new HashMap<>();
            for (String code : itemCodes) {
                if (plan.computes(code)) {
                    asked.put(code, all.get(code));
                }
            }
            result.put(unit, asked);
        }
        return result;
    }

    /** Whether values of the item are computed (by its formula or by another feature), so never typed. */
    public boolean isComputed(DataItem item) {
        return derivations.computes(item);
    }

    /** Receives the values of {@link #eachNumber}: the unit, the item's position in the asked list, the value. */
    @FunctionalInterface
    public interface NumberSink {
        void accept(long orgUnitId, int item, double value);
    }

    /** Streams numeric values of many units and one period to {@code sink}, row by row (bulk scoring). */
    @Transactional(readOnly = true)
    public void eachNumber(Collection<Long> orgUnitIds, String period, List<String> itemCodes, NumberSink sink) {
        Derivations.Plan plan = derivations.plan(itemCodes);
        if (plan.storedOnly()) {
            reader.eachNumber(orgUnitIds, period, itemCodes, sink);
            return;
        }
        // stored values stream through as they come; the inputs of computed items are kept per unit
        List<String> read = List.copyOf(plan.stored());
        int[] position = new int[read.size()];
        for (int i = 0; i < read.size(); i++) {
            position[i] = itemCodes.indexOf(read.get(i));
        }
        Map<Long, Map<String, BigDecimal>> inputs = new HashMap<>();
        reader.eachNumber(orgUnitIds, period, read, (unit, item, value) -> {
            if (position[item] >= 0) {
                sink.accept(unit, position[item], value);
            }
            inputs.computeIfAbsent(unit, u -> new HashMap<>()).put(read.get(item), BigDecimal.valueOf(value));
        });
        for (Long unit : orgUnitIds) {
            Map<String, Computed> computed =
                    derivations.evaluate(plan, unit, period, inputs.getOrDefault(unit, Map.of()));
            for (int i = 0; i < itemCodes.size(); i++) {
                Computed c = computed.get(itemCodes.get(i));
                if (c != null && c.computable()) {
                    sink.accept(unit, i, c.value().doubleValue());
                }
            }
        }
    }

    /** The latest period in which the unit has any of {@code itemCodes}, or null. */
    public String latestPeriod(Long orgUnitId, Collection<String> itemCodes) {
        return reader.latestPeriod(orgUnitId, itemCodes);
    }

    /** Stored values of the given units and items in one period (any list may be large: queried in chunks). */
    public List<StoredValue> find(Collection<Long> orgUnitIds, Collection<Long> itemIds, String period) {
        return reader.find(orgUnitIds, itemIds, period);
    }

    /** Every stored value of one unit (the caller checked it may read the unit), newest period first. */
    public List<StoredValue> ofUnit(Long orgUnitId) {
        return reader.ofUnit(orgUnitId);
    }

    /** The full change history of one value, newest first. */
    public List<HistoryEntry> history(Long orgUnitId, Long itemId, String period) {
        return reader.history(orgUnitId, itemId, period);
    }

    public boolean hasValues(Long orgUnitId) {
        return reader.hasValues(orgUnitId);
    }

    /** Whether any value of the item is stored (an item with data keeps its type and period type). */
    public boolean itemHasValues(Long itemId) {
        return reader.itemHasValues(itemId);
    }

    /**
     * Sets (or clears, with null) a numeric value. Returns true when something changed. {@code scopePath} is the
     * unit's org path, recorded with the audit entry. A locked value is refused with a conflict.
     */
    @Transactional
    public boolean putNumber(Long orgUnitId, String scopePath, String period, String itemCode, BigDecimal number) {
        WriteOutcome outcome = writer.writeAll(
                List.of(new ValueWrite(orgUnitId, scopePath, item(itemCode), period, number, null, null)),
                "ORG",
                false);
        if (!outcome.locked().isEmpty()) {
            throw new ConflictException("data.value.locked-one", item(itemCode).getName(), period);
        }
        return outcome.unchanged() == 0;
    }

    /**
     * Writes a batch all or nothing. Nothing is written when a write is stale (its expected version differs from
     * the stored one) or locked by a guard; the outcome then lists them. With {@code dryRun} only counts.
     * Unchanged values are not touched (their version stays).
     */
    public WriteOutcome writeAll(List<ValueWrite> writes, String source, boolean dryRun) {
        return writer.writeAll(writes, source, dryRun);
    }

    /**
     * A review office's correction of reported figures found wrong on site (现场核查): written all or nothing like
     * {@link #writeAll}, with history under {@code source}, but through the locks of submitted values, which exist
     * to stop the unit changing them, not the reviewers. The caller has checked the office's role over the unit
     * and audits the reason of each correction.
     */
    public WriteOutcome correct(List<ValueWrite> writes, String source) {
        return writer.writeAll(writes, source, false, true);
    }
}
