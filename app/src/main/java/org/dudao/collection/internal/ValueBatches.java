package org.dudao.collection.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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

    /**
     * The outcome: with rejections, the first {@link ImportLimits#maxRejections()} of them in entry order,
     * how many there were in all and how many of each kind.
     */
    public record Report(
            int imported,
            int updated,
            int unchanged,
            boolean dryRun,
            List<Rejected> rejected,
            int rejectedTotal,
            Map<Kind, Integer> counts) {

        public boolean ok() {
            return rejectedTotal == 0;
        }
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ValueBatches.class);
    private final OrgUnits units;
    private final DataItems items;
    private final DataValues values;
    private final MessageSource messages;
    private final int maxRejections;

    ValueBatches(OrgUnits units, DataItems items, DataValues values, MessageSource messages, ImportLimits limits) {
        this.units = units;
        this.items = items;
        this.values = values;
        this.messages = messages;
        this.maxRejections = limits.maxRejections();
    }

    @Transactional
    public Report write(String period, List<Entry> entries, boolean dryRun, String source) {
        long started = System.nanoTime();
        Access.currentUser();
        String p = PeriodType.require(period);
        if (entries == null || entries.isEmpty()) {
            throw InvalidInputException.of("values", "collection.error.no-values");
        }
        // API clients replace a stored value only with the version they read; an Excel import is a deliberate
        // overwrite of the whole sheet, previewed with dryRun first
        boolean versionRequired = !"EXCEL".equals(source);
        Batch batch = new Batch(
                p,
                units.readableByCode(codes(entries, Entry::orgUnit)),
                items.byCode(codes(entries, Entry::item)),
                versionRequired);
        for (int i = 0; i < entries.size(); i++) {
            batch.check(i, entries.get(i));
        }
        if (batch.total > 0) {
            return refused(batch, dryRun);
        }
        if (log.isDebugEnabled()) {
            log.debug("batch of {} values checked in {} ms", entries.size(), (System.nanoTime() - started) / 1_000_000);
        }
        WriteOutcome outcome = values.writeAll(batch.writes, source, dryRun);
        if (outcome.refused()) {
            batch.refusedBy(outcome);
            return refused(batch, dryRun);
        }
        return new Report(
                outcome.inserted(),
                outcome.updated() + outcome.deleted(),
                outcome.unchanged(),
                dryRun,
                List.of(),
                0,
                Map.of());
    }

    private static Set<String> codes(List<Entry> entries, Function<Entry, String> code) {
        Set<String> codes = new HashSet<>();
        for (Entry e : entries) {
            if (e != null && code.apply(e) != null) {
                codes.add(code.apply(e).trim());
            }
        }
        return codes;
    }

    private static Report refused(Batch batch, boolean dryRun) {
        batch.rejected.sort(Comparator.comparingInt(Rejected::index));
        return new Report(0, 0, 0, dryRun, batch.rejected, batch.total, Map.copyOf(batch.counts));
    }

    /** The entries of one batch as they are checked: what will be written and what is rejected, by index. */
    private final class Batch {

        private final String period;
        private final Map<String, OrgUnitRef> refs;
        private final Map<String, DataItem> itemMap;
        private final Map<String, Boolean> writable = new HashMap<>();
        private final Map<String, Boolean> computed = new HashMap<>();
        private final Map<String, Integer> seen = new HashMap<>();
        /** The first rejections (at most {@link #maxRejections}); the rest are only counted. */
        private final List<Rejected> rejected = new ArrayList<>();

        private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        private int total;
        private final List<ValueWrite> writes = new ArrayList<>();
        private final Map<ValueWrite, Integer> indexOf = new IdentityHashMap<>();
        private final boolean versionRequired;

        Batch(String period, Map<String, OrgUnitRef> refs, Map<String, DataItem> itemMap, boolean versionRequired) {
            this.period = period;
            this.refs = refs;
            this.itemMap = itemMap;
            this.versionRequired = versionRequired;
        }

        /** Scope, role, item, period type, value, duplicates: the first problem rejects the entry. */
        void check(int i, Entry e) {
            if (e == null
                    || e.orgUnit() == null
                    || e.orgUnit().isBlank()
                    || e.item() == null
                    || e.item().isBlank()) {
                reject(
                        i,
                        e == null ? null : e.orgUnit(),
                        e == null ? null : e.item(),
                        text("collection.error.entry-incomplete"),
                        Kind.INVALID);
                return;
            }
            String unitCode = e.orgUnit().trim();
            String itemCode = e.item().trim();
            OrgUnitRef unit = refs.get(unitCode);
            if (unit == null) {
                reject(i, unitCode, itemCode, text("collection.error.unit-unknown", unitCode), Kind.NOT_FOUND);
                return;
            }
            if (!writable.computeIfAbsent(unitCode, c -> CollectionRoles.canWrite(unit))) {
                reject(i, unitCode, itemCode, text("collection.error.unit-forbidden", unit.name()), Kind.FORBIDDEN);
                return;
            }
            DataItem item = itemMap.get(itemCode);
            String problem = item == null ? text("collection.error.item-unknown", itemCode) : periodProblem(item);
            if (problem == null && e.value() != null && !e.value().isBlank() && computed(item)) {
                problem = text("data.value.computed", item.getName());
            }
            ItemValues.Parsed parsed = problem == null ? ItemValues.parse(item, e.value()) : null;
            if (parsed != null && !parsed.ok()) {
                problem = item.getName() + "：" + text(parsed.problem(), parsed.args());
            }
            Integer first = problem == null ? seen.putIfAbsent(unitCode + "\u0000" + itemCode, i) : null;
            if (first != null) {
                problem = text("collection.error.duplicate", first + 1);
            }
            if (problem != null) {
                reject(i, unitCode, itemCode, problem, Kind.INVALID);
                return;
            }
            ValueWrite w = new ValueWrite(
                    unit.id(), unit.path(), item, period, parsed.num(), parsed.text(), e.version(), versionRequired);
            writes.add(w);
            indexOf.put(w, i);
        }

        /** Derived and computed items are never typed (asked once per item). */
        private boolean computed(DataItem item) {
            return computed.computeIfAbsent(item.getCode(), c -> values.isComputed(item));
        }

        private String periodProblem(DataItem item) {
            if (item.getPeriodType().accepts(period)) {
                return null;
            }
            return text(
                    "data.period.type-mismatch",
                    period,
                    text("data.period-type." + item.getPeriodType().name()),
                    item.getPeriodType().example());
        }

        /** The store refused the batch: every stale or locked value becomes a rejection of its entry. */
        void refusedBy(WriteOutcome outcome) {
            Map<Long, String> codeById = new HashMap<>();
            refs.values().forEach(r -> codeById.put(r.id(), r.code()));
            for (WriteOutcome.Stale s : outcome.stale()) {
                ValueWrite w = s.write();
                String current = s.current() == null
                        ? text("collection.value.none")
                        : ItemValues.format(
                                w.item(), s.current().num(), s.current().text());
                String reason = text(
                        w.expectedVersion() == null
                                ? "collection.error.version-required"
                                : "collection.error.stale-value",
                        w.item().getName(),
                        current,
                        s.current() == null ? "—" : s.current().updatedBy(),
                        s.current() == null ? -1 : s.current().version());
                reject(indexOf.get(w), codeById.get(w.orgUnitId()), w.item().getCode(), reason, Kind.STALE);
            }
            for (ValueWrite w : outcome.locked()) {
                String reason = text("collection.error.value-locked", w.item().getName());
                reject(indexOf.get(w), codeById.get(w.orgUnitId()), w.item().getCode(), reason, Kind.LOCKED);
            }
        }

        private void reject(int index, String orgUnit, String item, String reason, Kind kind) {
            total++;
            counts.merge(kind, 1, Integer::sum);
            if (rejected.size() < maxRejections) {
                rejected.add(new Rejected(index, orgUnit, item, reason, kind));
            }
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
