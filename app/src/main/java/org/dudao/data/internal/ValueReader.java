package org.dudao.data.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.data.DataItem;
import org.dudao.data.DataValues;
import org.dudao.data.HistoryEntry;
import org.dudao.data.StoredValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the enter-once store: stored values, numbers for scoring (also streamed in bulk) and history. */
@Service
public class ValueReader {

    /** Units asked by id at a time: a long {@code IN} list hits PostgreSQL's limit of 32,767 parameters. */
    static final int CHUNK = 900;
    /** Rows per JDBC batch, and the fetch size of streaming reads. */
    static final int BATCH = 1000;

    private final DataItemRepository items;
    private final DataValueRepository values;
    private final JdbcTemplate jdbc;

    @PersistenceContext
    private EntityManager em;

    ValueReader(DataItemRepository items, DataValueRepository values, JdbcTemplate jdbc) {
        this.items = items;
        this.values = values;
        this.jdbc = jdbc;
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

    /**
     * Streams the numeric values of {@code itemCodes} for many units and one period to {@code sink}, row by row,
     * without building maps (bulk scoring). Up to {@value #CHUNK} units are asked by id; more are read in one
     * streaming query over the id range they span, the others skipped here: a long {@code IN} list would hit
     * PostgreSQL's limit of 32,767 parameters and is checked row by row by H2.
     */
    @Transactional(readOnly = true)
    public void eachNumber(
            Collection<Long> orgUnitIds, String period, List<String> itemCodes, DataValues.NumberSink sink) {
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
                    // a cursor on PostgreSQL (inside the transaction), not the whole result at once
                    ps.setFetchSize(BATCH);
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
                    ValueReader::stored,
                    args.toArray()));
        }
        return result;
    }

    /** Every stored value of one unit, newest period first, then by item. */
    @Transactional(readOnly = true)
    public List<StoredValue> ofUnit(Long orgUnitId) {
        flush();
        return jdbc.query(
                "select id, org_unit_id, item_id, period, num_value, text_value, version,"
                        + " updated_by, updated_at from data_value where org_unit_id = ? order by period desc, item_id",
                ValueReader::stored,
                orgUnitId);
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
                (ResultSetExtractor<Boolean>) rs -> rs.next(),
                itemId));
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
        return String.join(",", Collections.nCopies(n, "?"));
    }

    /** JPA changes of this transaction reach the database before the JDBC queries read it. */
    private void flush() {
        if (em != null && em.isJoinedToTransaction()) {
            em.flush();
        }
    }
}
