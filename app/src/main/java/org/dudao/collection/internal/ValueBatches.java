package org.dudao.collection.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.data.DataItem;
import org.dudao.data.DataItems;
import org.dudao.data.DataValues;
import org.dudao.data.ItemValues;
import org.dudao.data.PeriodType;
import org.dudao.data.ValueWrite;
import org.dudao.data.WriteOutcome;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes many values at once (API batches and Excel imports), all or nothing: every entry is checked for scope,
 * role, item, period type, value type and range, duplicates, staleness and locks; when any entry is rejected
 * nothing is written and each rejection says why.
 */
@Service
public class ValueBatches {

    /** One value to write; {@code version} (optional) is the version the client read, -1 for "no value". */
    public record Entry(String orgUnit, String item, String value, Integer version) {}

    /** Why an entry was refused; {@code kind} decides the HTTP status of the whole batch. */
    public enum Kind {
        INVALID,
        NOT_FOUND,
        FORBIDDEN,
        LOCKED,
        STALE;

        /** The HTTP status of a refused batch: scope problems first, then bad input, then conflicts. */
        public static int status(java.util.Collection<Kind> kinds) {
            if (kinds.isEmpty()) {
                return 200;
            }
            if (kinds.contains(NOT_FOUND)) {
                return 404;
            }
            if (kinds.contains(FORBIDDEN)) {
                return 403;
            }
            return kinds.contains(INVALID) ? 400 : 409;
        }
    }

    public record Rejected(int index, String orgUnit, String item, String reason, Kind kind) {}

    public record Report(int imported, int updated, int unchanged, boolean dryRun, List<Rejected> rejected) {

        public boolean ok() {
            return rejected.isEmpty();
        }
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ValueBatches.class);
    private final OrgUnits units;
    private final DataItems items;
    private final DataValues values;
    private final MessageSource messages;

    ValueBatches(OrgUnits units, DataItems items, DataValues values, MessageSource messages) {
        this.units = units;
        this.items = items;
        this.values = values;
        this.messages = messages;
    }

    @Transactional
    public Report write(String period, List<Entry> entries, boolean dryRun, String source) {
        long started = System.nanoTime();
        Access.currentUser();
        PeriodType periodType = PeriodType.of(period == null ? null : period.trim());
        if (periodType == null) {
            throw InvalidInputException.of("period", "data.period.format");
        }
        String p = period.trim();
        if (entries == null || entries.isEmpty()) {
            throw InvalidInputException.of("values", "collection.error.no-values");
        }
        Set<String> unitCodes = new HashSet<>();
        Set<String> itemCodes = new HashSet<>();
        for (Entry e : entries) {
            if (e != null && e.orgUnit() != null) {
                unitCodes.add(e.orgUnit().trim());
            }
            if (e != null && e.item() != null) {
                itemCodes.add(e.item().trim());
            }
        }
        Map<String, OrgUnitRef> refs = units.readableByCode(unitCodes);
        Map<String, DataItem> itemMap = items.byCode(itemCodes);
        Map<String, Boolean> writable = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<Rejected> rejected = new ArrayList<>();
        List<ValueWrite> writes = new ArrayList<>(entries.size());
        List<Integer> writeIndex = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e == null
                    || e.orgUnit() == null
                    || e.orgUnit().isBlank()
                    || e.item() == null
                    || e.item().isBlank()) {
                rejected.add(new Rejected(
                        i,
                        e == null ? null : e.orgUnit(),
                        e == null ? null : e.item(),
                        text("collection.error.entry-incomplete"),
                        Kind.INVALID));
                continue;
            }
            String unitCode = e.orgUnit().trim();
            String itemCode = e.item().trim();
            OrgUnitRef unit = refs.get(unitCode);
            if (unit == null) {
                rejected.add(new Rejected(
                        i, unitCode, itemCode, text("collection.error.unit-unknown", unitCode), Kind.NOT_FOUND));
                continue;
            }
            if (!writable.computeIfAbsent(unitCode, c -> CollectionRoles.canWrite(unit))) {
                rejected.add(new Rejected(
                        i, unitCode, itemCode, text("collection.error.unit-forbidden", unit.name()), Kind.FORBIDDEN));
                continue;
            }
            DataItem item = itemMap.get(itemCode);
            if (item == null) {
                rejected.add(new Rejected(
                        i, unitCode, itemCode, text("collection.error.item-unknown", itemCode), Kind.INVALID));
                continue;
            }
            if (!item.getPeriodType().accepts(p)) {
                rejected.add(new Rejected(
                        i,
                        unitCode,
                        itemCode,
                        text(
                                "data.period.type-mismatch",
                                p,
                                text("data.period-type." + item.getPeriodType().name()),
                                item.getPeriodType().example()),
                        Kind.INVALID));
                continue;
            }
            ItemValues.Parsed parsed = ItemValues.parse(item, e.value());
            if (!parsed.ok()) {
                rejected.add(new Rejected(
                        i,
                        unitCode,
                        itemCode,
                        item.getName() + "：" + text(parsed.problem(), parsed.args()),
                        Kind.INVALID));
                continue;
            }
            Integer first = seen.putIfAbsent(unitCode + "\u0000" + itemCode, i);
            if (first != null) {
                rejected.add(new Rejected(
                        i, unitCode, itemCode, text("collection.error.duplicate", first + 1), Kind.INVALID));
                continue;
            }
            writes.add(new ValueWrite(unit.id(), unit.path(), item, p, parsed.num(), parsed.text(), e.version()));
            writeIndex.add(i);
        }
        if (!rejected.isEmpty()) {
            rejected.sort(java.util.Comparator.comparingInt(Rejected::index));
            return new Report(0, 0, 0, dryRun, rejected);
        }
        if (log.isDebugEnabled()) {
            log.debug("batch of {} values checked in {} ms", entries.size(), (System.nanoTime() - started) / 1_000_000);
        }
        WriteOutcome outcome = values.writeAll(writes, source, dryRun);
        if (outcome.refused()) {
            Map<ValueWrite, Integer> index = new java.util.IdentityHashMap<>();
            for (int k = 0; k < writes.size(); k++) {
                index.put(writes.get(k), writeIndex.get(k));
            }
            Map<Long, String> codeById = new HashMap<>();
            refs.values().forEach(r -> codeById.put(r.id(), r.code()));
            for (WriteOutcome.Stale s : outcome.stale()) {
                String current = s.current() == null
                        ? text("collection.value.none")
                        : ItemValues.format(
                                s.write().item(), s.current().num(), s.current().text());
                rejected.add(new Rejected(
                        index.get(s.write()),
                        codeById.get(s.write().orgUnitId()),
                        s.write().item().getCode(),
                        text(
                                "collection.error.stale-value",
                                s.write().item().getName(),
                                current,
                                s.current() == null ? "—" : s.current().updatedBy(),
                                s.current() == null ? -1 : s.current().version()),
                        Kind.STALE));
            }
            for (ValueWrite w : outcome.locked()) {
                rejected.add(new Rejected(
                        index.get(w),
                        codeById.get(w.orgUnitId()),
                        w.item().getCode(),
                        text("collection.error.value-locked", w.item().getName()),
                        Kind.LOCKED));
            }
            rejected.sort(java.util.Comparator.comparingInt(Rejected::index));
            return new Report(0, 0, 0, dryRun, rejected);
        }
        return new Report(
                outcome.inserted(), outcome.updated() + outcome.deleted(), outcome.unchanged(), dryRun, List.of());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
