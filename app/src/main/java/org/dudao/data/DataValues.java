package org.dudao.data;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.audit.AuditLog;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes values of the enter-once store. Callers have already checked scope for the org unit; this
 * service keeps one row per (unit, item, period), refuses stale and locked writes, records every change in
 * {@code data_value_history} (old → new) and audits each unit's changes. Bulk writes use JDBC batches.
 */
@Service
public class DataValues {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DataValues.class);
    static final int CHUNK = 900;
    private static final int BATCH = 1000;

    private final DataItemRepository items;
    private final DataValueRepository values;
    private final AuditLog audit;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final List<DataWriteGuard> guards;

    @PersistenceContext
    private EntityManager em;

    DataValues(
            DataItemRepository items,
            DataValueRepository values,
            AuditLog audit,
            Clock clock,
            JdbcTemplate jdbc,
            List<DataWriteGuard> guards) {
        this.items = items;
        this.values = values;
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
        this.guards = guards;
    }

    public DataItem item(String code) {
        return items.findByCode(code).orElseThrow(() -> new IllegalStateException("unknown data item " + code));
    }

    /** Numeric values of {@code itemCodes} for one unit and period; absent items are missing from the map. */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> numbers(Long orgUnitId, String period, Collection<String> itemCodes) {
        return numbers(List.of(orgUnitId), period, itemCodes).getOrDefault(orgUnitId, new HashMap<>());
    }

    /** Numeric values of {@code itemCodes} for many units and one period: unit id → item code → value. */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, BigDecimal>> numbers(
            Collection<Long> orgUnitIds, String period, Collection<String> itemCodes) {
        Map<Long, String> codeById = new HashMap<>();
        items.findByCodeIn(itemCodes).forEach(i -> codeById.put(i.getId(), i.getCode()));
        Map<Long, Map<String, BigDecimal>> result = new HashMap<>();
        if (orgUnitIds.isEmpty() || codeById.isEmpty()) {
            return result;
        }
        for (StoredValue v : find(orgUnitIds, codeById.keySet(), period)) {
            if (v.num() != null) {
                result.computeIfAbsent(v.orgUnitId(), k -> new HashMap<>()).put(codeById.get(v.itemId()), v.num());
            }
        }
        return result;
    }

    /** Receives the values of {@link #eachNumber}: the unit, the item's position in the asked list, the value. */
    @FunctionalInterface
    public interface NumberSink {
        void accept(long orgUnitId, int item, double value);
    }

    /**
     * Streams the numeric values of {@code itemCodes} for many units and one period to {@code sink}, row by row,
     * without building maps (bulk scoring). Up to {@value #CHUNK} units are asked by id; more are read in one
     * streaming query over the id range they span, the others skipped here: a long {@code IN} list would hit
     * PostgreSQL's limit of 32,767 parameters and is checked row by row by H2.
     */
    @Transactional(readOnly = true)
    public void eachNumber(Collection<Long> orgUnitIds, String period, List<String> itemCodes, NumberSink sink) {
        Map<Long, Integer> position = new HashMap<>();
        items.findByCodeIn(itemCodes).forEach(i -> position.put(i.getId(), itemCodes.indexOf(i.getCode())));
        if (orgUnitIds.isEmpty() || position.isEmpty()) {
            return;
        }
        flush();
        Set<Long> units = new HashSet<>(orgUnitIds);
        List<Object> args = new ArrayList<>();
        args.add(period);
        args.addAll(position.keySet());
        String sql = "select org_unit_id, item_id, num_value from data_value where period = ? and item_id in ("
                + placeholders(position.size()) + ") and num_value is not null and org_unit_id ";
        if (units.size() <= CHUNK) {
            sql += "in (" + placeholders(units.size()) + ")";
            args.addAll(units);
        } else {
            sql += "between ? and ?";
            args.add(units.stream().min(Long::compare).orElseThrow());
            args.add(units.stream().max(Long::compare).orElseThrow());
        }
        String query = sql;
        jdbc.query(
                con -> {
                    PreparedStatement ps = con.prepareStatement(query);
                    ps.setFetchSize(
                            BATCH); // a cursor on PostgreSQL (inside the transaction), not the whole result at once
                    for (int i = 0; i < args.size(); i++) {
                        ps.setObject(i + 1, args.get(i));
                    }
                    return ps;
                },
                (ResultSet rs) -> {
                    long unit = rs.getLong(1);
                    if (units.contains(unit)) {
                        // BigDecimal first: the same double as the single-school path's BigDecimal.doubleValue()
                        sink.accept(
                                unit,
                                position.get(rs.getLong(2)),
                                rs.getBigDecimal(3).doubleValue());
                    }
                });
    }

    /** The latest period in which the unit has any of {@code itemCodes}, or null. */
    @Transactional(readOnly = true)
    public String latestPeriod(Long orgUnitId, Collection<String> itemCodes) {
        List<Long> ids =
                items.findByCodeIn(itemCodes).stream().map(DataItem::getId).toList();
        return values.findByOrgUnitIdAndItemIdIn(orgUnitId, ids).stream()
                .map(DataValue::getPeriod)
                .max(String::compareTo)
                .orElse(null);
    }

    /** Stored values of the given units and items in one period (any list may be large: queried in chunks). */
    @Transactional(readOnly = true)
    public List<StoredValue> find(Collection<Long> orgUnitIds, Collection<Long> itemIds, String period) {
        List<StoredValue> result = new ArrayList<>();
        if (orgUnitIds.isEmpty() || itemIds.isEmpty()) {
            return result;
        }
        flush();
        String itemList = placeholders(itemIds.size());
        List<Long> units = new ArrayList<>(orgUnitIds);
        for (int from = 0; from < units.size(); from += CHUNK) {
            List<Long> chunk = units.subList(from, Math.min(units.size(), from + CHUNK));
            List<Object> args = new ArrayList<>();
            args.add(period);
            args.addAll(itemIds);
            args.addAll(chunk);
            result.addAll(jdbc.query(
                    "select id, org_unit_id, item_id, period, num_value, text_value, version,"
                            + " updated_by, updated_at from data_value where period = ? and item_id in (" + itemList
                            + ") and org_unit_id in (" + placeholders(chunk.size()) + ")",
                    DataValues::stored,
                    args.toArray()));
        }
        return result;
    }

    /** The full change history of one value, newest first. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(Long orgUnitId, Long itemId, String period) {
        flush();
        return jdbc.query(
                "select org_unit_id, item_id, period, old_num, old_text, new_num, new_text, source,"
                        + " changed_by, changed_at from data_value_history where org_unit_id = ? and item_id = ?"
                        + " and period = ? order by changed_at desc, id desc",
                (rs, i) -> new HistoryEntry(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getBigDecimal(4),
                        rs.getString(5),
                        rs.getBigDecimal(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        instant(rs, 10)),
                orgUnitId,
                itemId,
                period);
    }

    /**
     * Sets (or clears, with null) a numeric value. Returns true when something changed. {@code scopePath} is the
     * unit's org path, recorded with the audit entry. A locked value is refused with a conflict.
     */
    @Transactional
    public boolean putNumber(Long orgUnitId, String scopePath, String period, String itemCode, BigDecimal number) {
        WriteOutcome outcome = writeAll(
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
    @Transactional
    public WriteOutcome writeAll(List<ValueWrite> writes, String source, boolean dryRun) {
        if (writes.isEmpty()) {
            return new WriteOutcome(0, 0, 0, 0, List.of(), List.of());
        }
        long t0 = System.nanoTime();
        Map<ValueKey, StoredValue> current = current(writes);
        long t1 = System.nanoTime();
        List<WriteOutcome.Stale> stale = new ArrayList<>();
        List<ValueWrite> changed = new ArrayList<>();
        int unchanged = 0;
        for (ValueWrite w : writes) {
            StoredValue now = current.get(w.key());
            // a writer that read no value expects -1; one that read version n expects n
            if (w.expectedVersion() != null && w.expectedVersion() != (now == null ? -1 : now.version())) {
                stale.add(new WriteOutcome.Stale(w, now));
                continue;
            }
            if (now == null ? w.clears() : now.same(w.num(), w.text())) {
                unchanged++;
            } else {
                changed.add(w);
            }
        }
        List<ValueWrite> locked = lockedAmong(changed);
        long t2 = System.nanoTime();
        if (!stale.isEmpty() || !locked.isEmpty()) {
            return new WriteOutcome(0, 0, 0, 0, stale, locked);
        }
        List<ValueWrite> inserts = new ArrayList<>();
        List<ValueWrite> updates = new ArrayList<>();
        List<ValueWrite> deletes = new ArrayList<>();
        for (ValueWrite w : changed) {
            StoredValue now = current.get(w.key());
            (now == null ? inserts : w.clears() ? deletes : updates).add(w);
        }
        if (!dryRun) {
            apply(inserts, updates, deletes, current, source);
        }
        if (log.isDebugEnabled()) {
            log.debug(
                    "writeAll {} values: read {} ms, locks {} ms, write {} ms",
                    writes.size(),
                    (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000,
                    (System.nanoTime() - t2) / 1_000_000);
        }
        return new WriteOutcome(inserts.size(), updates.size(), deletes.size(), unchanged, List.of(), List.of());
    }

    private void apply(
            List<ValueWrite> inserts,
            List<ValueWrite> updates,
            List<ValueWrite> deletes,
            Map<ValueKey, StoredValue> current,
            String source) {
        String by = Access.currentUsername();
        Instant at = Instant.now(clock);
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        batch(
                "insert into data_value (org_unit_id, item_id, period, num_value, text_value, version, updated_by,"
                        + " updated_at) values (?, ?, ?, ?, ?, 0, ?, ?)",
                inserts,
                (ps, w) -> {
                    ps.setLong(1, w.orgUnitId());
                    ps.setLong(2, w.item().getId());
                    ps.setString(3, w.period());
                    setNum(ps, 4, w.num());
                    ps.setString(5, w.text());
                    ps.setString(6, by);
                    ps.setObject(7, when);
                });
        int[] counts = batch(
                "update data_value set num_value = ?, text_value = ?, version = version + 1,"
                        + " updated_by = ?, updated_at = ? where id = ? and version = ?",
                updates,
                (ps, w) -> {
                    StoredValue now = current.get(w.key());
                    setNum(ps, 1, w.num());
                    ps.setString(2, w.text());
                    ps.setString(3, by);
                    ps.setObject(4, when);
                    ps.setLong(5, now.id());
                    ps.setInt(6, now.version());
                });
        requireAll(counts);
        requireAll(batch("delete from data_value where id = ? and version = ?", deletes, (ps, w) -> {
            StoredValue now = current.get(w.key());
            ps.setLong(1, now.id());
            ps.setInt(2, now.version());
        }));
        List<ValueWrite> all = new ArrayList<>(inserts);
        all.addAll(updates);
        all.addAll(deletes);
        batch(
                "insert into data_value_history (org_unit_id, item_id, period, old_num, old_text, new_num, new_text,"
                        + " source, changed_by, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                all,
                (ps, w) -> {
                    StoredValue now = current.get(w.key());
                    ps.setLong(1, w.orgUnitId());
                    ps.setLong(2, w.item().getId());
                    ps.setString(3, w.period());
                    setNum(ps, 4, now == null ? null : now.num());
                    ps.setString(5, now == null ? null : now.text());
                    setNum(ps, 6, w.num());
                    ps.setString(7, w.text());
                    ps.setString(8, source);
                    ps.setString(9, by);
                    ps.setObject(10, when);
                });
        long beforeAudit = System.nanoTime();
        auditPerUnit(all, current);
        log.debug("audit of {} values took {} ms", all.size(), (System.nanoTime() - beforeAudit) / 1_000_000);
    }

    /** One audit entry per unit and period: the changed items, old → new. */
    private void auditPerUnit(List<ValueWrite> all, Map<ValueKey, StoredValue> current) {
        Map<String, List<ValueWrite>> byUnit = new LinkedHashMap<>();
        for (ValueWrite w : all) {
            byUnit.computeIfAbsent(w.orgUnitId() + "/" + w.period(), k -> new ArrayList<>())
                    .add(w);
        }
        byUnit.forEach((id, list) -> {
            Map<String, String> before = new LinkedHashMap<>();
            Map<String, String> after = new LinkedHashMap<>();
            for (ValueWrite w : list) {
                StoredValue now = current.get(w.key());
                before.put(w.item().getCode(), now == null ? null : ItemValues.format(w.item(), now.num(), now.text()));
                after.put(w.item().getCode(), ItemValues.format(w.item(), w.num(), w.text()));
            }
            String names = String.join(
                    "、", list.stream().map(w -> w.item().getName()).distinct().toList());
            String label = list.get(0).period() + " " + (names.length() > 180 ? names.substring(0, 180) + "…" : names);
            audit.updated("DataValue", id, label, list.get(0).scopePath(), before, after);
        });
    }

    private Map<ValueKey, StoredValue> current(List<ValueWrite> writes) {
        Map<String, Map<Long, Set<Long>>> byPeriod = new HashMap<>();
        for (ValueWrite w : writes) {
            byPeriod.computeIfAbsent(w.period(), p -> new HashMap<>())
                    .computeIfAbsent(w.item().getId(), i -> new java.util.HashSet<>())
                    .add(w.orgUnitId());
        }
        Map<ValueKey, StoredValue> current = new HashMap<>();
        byPeriod.forEach((period, byItem) -> {
            Set<Long> units = new java.util.HashSet<>();
            byItem.values().forEach(units::addAll);
            find(units, byItem.keySet(), period).forEach(v -> current.put(v.key(), v));
        });
        return current;
    }

    private List<ValueWrite> lockedAmong(List<ValueWrite> changed) {
        if (guards.isEmpty() || changed.isEmpty()) {
            return List.of();
        }
        List<ValueKey> keys = changed.stream().map(ValueWrite::key).toList();
        Set<ValueKey> locked = new java.util.HashSet<>();
        guards.forEach(g -> locked.addAll(g.locked(keys)));
        return changed.stream().filter(w -> locked.contains(w.key())).toList();
    }

    @Transactional(readOnly = true)
    public boolean hasValues(Long orgUnitId) {
        return values.existsByOrgUnitId(orgUnitId);
    }

    /** Whether any value of the item is stored (an item with data keeps its type and period type). */
    @Transactional(readOnly = true)
    public boolean itemHasValues(Long itemId) {
        flush();
        return Boolean.TRUE.equals(jdbc.query(
                "select 1 from data_value where item_id = ? fetch first 1 rows only",
                (org.springframework.jdbc.core.ResultSetExtractor<Boolean>) rs -> rs.next(),
                itemId));
    }

    // ---- JDBC helpers -------------------------------------------------------------------------------------

    private interface Binder {
        void bind(PreparedStatement ps, ValueWrite w) throws SQLException;
    }

    private int[] batch(String sql, List<ValueWrite> rows, Binder binder) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        List<Integer> counts = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<ValueWrite> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
            int[][] result = jdbc.batchUpdate(sql, chunk, chunk.size(), binder::bind);
            for (int[] r : result) {
                for (int c : r) {
                    counts.add(c);
                }
            }
        }
        return counts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void requireAll(int[] counts) {
        for (int c : counts) {
            if (c == 0) {
                // changed by someone else between our read and our write
                throw new org.springframework.orm.ObjectOptimisticLockingFailureException(DataValue.class, "batch");
            }
        }
    }

    private static void setNum(PreparedStatement ps, int index, BigDecimal n) throws SQLException {
        if (n == null) {
            ps.setNull(index, Types.NUMERIC);
        } else {
            ps.setBigDecimal(index, n);
        }
    }

    private static StoredValue stored(ResultSet rs, int row) throws SQLException {
        return new StoredValue(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getBigDecimal(5),
                rs.getString(6),
                rs.getInt(7),
                rs.getString(8),
                instant(rs, 9));
    }

    private static Instant instant(ResultSet rs, int index) throws SQLException {
        OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private void flush() {
        if (em != null && em.isJoinedToTransaction()) {
            em.flush();
        }
    }
}
