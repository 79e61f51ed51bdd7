package org.dudao.data.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.audit.AuditLog;
import org.dudao.data.DataWriteGuard;
import org.dudao.data.ItemValues;
import org.dudao.data.StoredValue;
import org.dudao.data.ValueKey;
import org.dudao.data.ValueWrite;
import org.dudao.data.WriteOutcome;
import org.dudao.shared.Access;
import org.dudao.shared.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing the enter-once store in JDBC batches, all or nothing: stale and locked writes refuse the batch,
 * unchanged values keep their version, every change is kept in {@code data_value_history} (old → new, who,
 * when, channel) and audited once per unit and period.
 */
@Service
public class ValueWriter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ValueWriter.class);

    private final ValueReader reader;
    private final AuditLog audit;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final List<DataWriteGuard> guards;
    private final Derivations derivations;

    ValueWriter(
            ValueReader reader,
            AuditLog audit,
            Clock clock,
            JdbcTemplate jdbc,
            List<DataWriteGuard> guards,
            Derivations derivations) {
        this.derivations = derivations;
        this.reader = reader;
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
        this.guards = guards;
    }

    /** The writes of a batch against the stored values: stale ones, real changes and how many change nothing. */
    private record Sorted(List<WriteOutcome.Stale> stale, List<ValueWrite> changed, int unchanged) {}

    /** Who writes when, through which channel, against which stored values. */
    private record Stamp(Map<ValueKey, StoredValue> current, String source, String by, OffsetDateTime when) {}

    /**
     * Writes a batch all or nothing. Nothing is written when a write is stale (its expected version differs from
     * the stored one) or locked by a guard; the outcome then lists them. With {@code dryRun} only counts.
     * Unchanged values are not touched (their version stays).
     */
    @Transactional
    public WriteOutcome writeAll(List<ValueWrite> writes, String source, boolean dryRun) {
        return writeAll(writes, source, dryRun, false);
    }

    /**
     * {@link #writeAll(List, String, boolean)}, with {@code overLocks} writing through the guards' locks: only for
     * a review office's audited correction of submitted figures ({@code DataValues.correct}).
     */
    @Transactional
    public WriteOutcome writeAll(List<ValueWrite> writes, String source, boolean dryRun, boolean overLocks) {
        if (writes.isEmpty()) {
            return new WriteOutcome(0, 0, 0, 0, List.of(), List.of());
        }
        refuseComputed(writes);
        long t0 = System.nanoTime();
        Map<ValueKey, StoredValue> current = current(writes);
        long t1 = System.nanoTime();
        Sorted sorted = sort(writes, current);
        List<ValueWrite> locked = overLocks ? List.of() : lockedAmong(sorted.changed());
        List<WriteOutcome.Stale> stale = new ArrayList<>(sorted.stale());
        // changing a stored value it never said it read; a lock on it says more, so that is reported instead
        Set<ValueWrite> lockedWrites = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        lockedWrites.addAll(locked);
        for (ValueWrite w : sorted.changed()) {
            StoredValue now = current.get(w.key());
            if (w.expectedVersion() == null && w.versionRequired() && now != null && !lockedWrites.contains(w)) {
                stale.add(new WriteOutcome.Stale(w, now));
            }
        }
        long t2 = System.nanoTime();
        if (!stale.isEmpty() || !locked.isEmpty()) {
            return new WriteOutcome(0, 0, 0, 0, stale, locked);
        }
        List<ValueWrite> inserts = new ArrayList<>();
        List<ValueWrite> updates = new ArrayList<>();
        List<ValueWrite> deletes = new ArrayList<>();
        for (ValueWrite w : sorted.changed()) {
            StoredValue now = current.get(w.key());
            (now == null ? inserts : w.clears() ? deletes : updates).add(w);
        }
        if (!dryRun) {
            OffsetDateTime when = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            apply(inserts, updates, deletes, new Stamp(current, source, Access.currentUsername(), when));
        }
        if (log.isDebugEnabled()) {
            log.debug(
                    "writeAll {} values: read {} ms, locks {} ms, write {} ms",
                    writes.size(),
                    (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000,
                    (System.nanoTime() - t2) / 1_000_000);
        }
        return new WriteOutcome(
                inserts.size(), updates.size(), deletes.size(), sorted.unchanged(), List.of(), List.of());
    }

    /** Values of derived and computed items are never typed: a write of one refuses the batch, naming it. */
    private void refuseComputed(List<ValueWrite> writes) {
        Set<Long> checked = new HashSet<>();
        for (ValueWrite w : writes) {
            if (!w.clears() && checked.add(w.item().getId()) && derivations.computes(w.item())) {
                throw InvalidInputException.of(
                        w.item().getCode(), "data.value.computed", w.item().getName());
            }
        }
    }

    private static Sorted sort(List<ValueWrite> writes, Map<ValueKey, StoredValue> current) {
        List<WriteOutcome.Stale> stale = new ArrayList<>();
        List<ValueWrite> changed = new ArrayList<>();
        int unchanged = 0;
        for (ValueWrite w : writes) {
            StoredValue now = current.get(w.key());
            // a writer that read no value expects -1; one that read version n expects n
            if (w.expectedVersion() != null && w.expectedVersion() != (now == null ? -1 : now.version())) {
                stale.add(new WriteOutcome.Stale(w, now));
            } else if (now == null ? w.clears() : now.same(w.num(), w.text())) {
                unchanged++;
            } else {
                changed.add(w);
            }
        }
        return new Sorted(stale, changed, unchanged);
    }

    private void apply(List<ValueWrite> inserts, List<ValueWrite> updates, List<ValueWrite> deletes, Stamp s) {
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
                    ps.setString(6, s.by());
                    ps.setObject(7, s.when());
                });
        requireAll(batch(
                "update data_value set num_value = ?, text_value = ?, version = version + 1,"
                        + " updated_by = ?, updated_at = ? where id = ? and version = ?",
                updates,
                (ps, w) -> {
                    StoredValue now = s.current().get(w.key());
                    setNum(ps, 1, w.num());
                    ps.setString(2, w.text());
                    ps.setString(3, s.by());
                    ps.setObject(4, s.when());
                    ps.setLong(5, now.id());
                    ps.setInt(6, now.version());
                }));
        requireAll(batch("delete from data_value where id = ? and version = ?", deletes, (ps, w) -> {
            StoredValue now = s.current().get(w.key());
            ps.setLong(1, now.id());
            ps.setInt(2, now.version());
        }));
        List<ValueWrite> all = new ArrayList<>(inserts);
        all.addAll(updates);
        all.addAll(deletes);
        recordHistory(all, s);
        long beforeAudit = System.nanoTime();
        auditPerUnit(all, s.current());
        log.debug("audit of {} values took {} ms", all.size(), (System.nanoTime() - beforeAudit) / 1_000_000);
    }

    private void recordHistory(List<ValueWrite> all, Stamp s) {
        batch(
                "insert into data_value_history (org_unit_id, item_id, period, old_num, old_text, new_num, new_text,"
                        + " source, changed_by, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                all,
                (ps, w) -> {
                    StoredValue now = s.current().get(w.key());
                    ps.setLong(1, w.orgUnitId());
                    ps.setLong(2, w.item().getId());
                    ps.setString(3, w.period());
                    setNum(ps, 4, now == null ? null : now.num());
                    ps.setString(5, now == null ? null : now.text());
                    setNum(ps, 6, w.num());
                    ps.setString(7, w.text());
                    ps.setString(8, s.source());
                    ps.setString(9, s.by());
                    ps.setObject(10, s.when());
                });
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
                    .computeIfAbsent(w.item().getId(), i -> new HashSet<>())
                    .add(w.orgUnitId());
        }
        Map<ValueKey, StoredValue> current = new HashMap<>();
        byPeriod.forEach((period, byItem) -> {
            Set<Long> units = new HashSet<>();
            byItem.values().forEach(units::addAll);
            reader.find(units, byItem.keySet(), period).forEach(v -> current.put(v.key(), v));
        });
        return current;
    }

    private List<ValueWrite> lockedAmong(List<ValueWrite> changed) {
        if (guards.isEmpty() || changed.isEmpty()) {
            return List.of();
        }
        List<ValueKey> keys = changed.stream().map(ValueWrite::key).toList();
        Set<ValueKey> locked = new HashSet<>();
        guards.forEach(g -> locked.addAll(g.locked(keys)));
        return changed.stream().filter(w -> locked.contains(w.key())).toList();
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
        for (int from = 0; from < rows.size(); from += ValueReader.BATCH) {
            List<ValueWrite> chunk = rows.subList(from, Math.min(rows.size(), from + ValueReader.BATCH));
            int[][] result = jdbc.batchUpdate(sql, chunk, chunk.size(), binder::bind);
            for (int[] r : result) {
                for (int c : r) {
                    counts.add(c);
                }
            }
        }
        return counts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] requireAll(int[] counts) {
        for (int c : counts) {
            if (c == 0) {
                // changed by someone else between our read and our write
                throw new ObjectOptimisticLockingFailureException(DataValue.class, "batch");
            }
        }
        return counts;
    }

    private static void setNum(PreparedStatement ps, int index, BigDecimal n) throws SQLException {
        if (n == null) {
            ps.setNull(index, Types.NUMERIC);
        } else {
            ps.setBigDecimal(index, n);
        }
    }
}
