package org.dudao.collection.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.data.DataWriteGuard;
import org.dudao.data.ValueKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Submitted and approved forms lock their unit's items for the task's period, whatever channel writes. */
@Component
class CollectionLocks implements DataWriteGuard {

    private static final int CHUNK = 900;
    private final JdbcTemplate jdbc;

    CollectionLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<ValueKey> locked(Collection<ValueKey> keys) {
        Map<String, Set<Long>> unitsByPeriod = new HashMap<>();
        keys.forEach(k ->
                unitsByPeriod.computeIfAbsent(k.period(), p -> new HashSet<>()).add(k.orgUnitId()));
        Set<ValueKey> lockedAll = new HashSet<>();
        unitsByPeriod.forEach((period, unitSet) -> {
            List<Long> units = new ArrayList<>(unitSet);
            for (int from = 0; from < units.size(); from += CHUNK) {
                List<Long> chunk = units.subList(from, Math.min(units.size(), from + CHUNK));
                List<Object> args = new ArrayList<>();
                args.add(period);
                args.addAll(chunk);
                jdbc.query(
                        "select distinct a.org_unit_id, ti.item_id from collection_assignment a"
                                + " join collection_task t on t.id = a.task_id"
                                + " join collection_task_item ti on ti.task_id = t.id"
                                + " where t.period = ? and a.status in ('SUBMITTED', 'APPROVED') and a.org_unit_id in ("
                                + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                        rs -> {
                            lockedAll.add(new ValueKey(rs.getLong(1), rs.getLong(2), period));
                        },
                        args.toArray());
            }
        });
        lockedAll.retainAll(new HashSet<>(keys));
        return lockedAll;
    }
}
