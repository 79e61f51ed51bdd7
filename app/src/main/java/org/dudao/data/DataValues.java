package org.dudao.data;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dudao.data.internal.DataItemRepository;
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

    DataValues(DataItemRepository items, ValueReader reader, ValueWriter writer) {
        this.items = items;
        this.reader = reader;
        this.writer = writer;
    }

    public DataItem item(String code) {
        return items.findByCode(code).orElseThrow(() -> new IllegalStateException("unknown data item " + code));
    }

    /** Numeric values of {@code itemCodes} for one unit and period; absent items are missing from the map. */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> numbers(Long orgUnitId, String period, Collection<String> itemCodes) {
        return reader.numbers(List.of(orgUnitId), period, itemCodes).getOrDefault(orgUnitId, new HashMap<>());
    }

    /** Numeric values of {@code itemCodes} for many units and one period: unit id → item code → value. */
    public Map<Long, Map<String, BigDecimal>> numbers(
            Collection<Long> orgUnitIds, String period, Collection<String> itemCodes) {
        return reader.numbers(orgUnitIds, period, itemCodes);
    }

    /** Receives the values of {@link #eachNumber}: the unit, the item's position in the asked list, the value. */
    @FunctionalInterface
    public interface NumberSink {
        void accept(long orgUnitId, int item, double value);
    }

    /** Streams numeric values of many units and one period to {@code sink}, row by row (bulk scoring). */
    public void eachNumber(Collection<Long> orgUnitIds, String period, List<String> itemCodes, NumberSink sink) {
        reader.eachNumber(orgUnitIds, period, itemCodes, sink);
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
}
