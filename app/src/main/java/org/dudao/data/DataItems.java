package org.dudao.data;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dudao.audit.AuditLog;
import org.dudao.data.internal.DataItemRepository;
import org.dudao.data.internal.Derivations;
import org.dudao.data.internal.Formula;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data item catalogue (数据项目录). Items are shared by the whole tree: every staff member reads them;
 * directors and administrators define them; only administrators delete an item nobody uses.
 */
@Service
public class DataItems {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final DataItemRepository items;
    private final DataValues values;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final Derivations derivations;

    DataItems(DataItemRepository items, DataValues values, AuditLog audit, JdbcTemplate jdbc, Derivations derivations) {
        this.derivations = derivations;
        this.items = items;
        this.values = values;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<DataItemView> list() {
        Access.currentUser();
        return items.findAllByOrderByCodeAsc().stream().map(DataItemView::of).toList();
    }

    @Transactional(readOnly = true)
    public DataItemView get(String code) {
        return DataItemView.of(entity(code));
    }

    /** Items by code for other features (unknown codes are left out). */
    @Transactional(readOnly = true)
    public Map<String, DataItem> byCode(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return items.findByCodeIn(codes).stream().collect(Collectors.toMap(DataItem::getCode, Function.identity()));
    }

    @Transactional(readOnly = true)
    public Map<String, DataItem> all() {
        return items.findAll().stream().collect(Collectors.toMap(DataItem::getCode, Function.identity()));
    }

    @Transactional(readOnly = true)
    public Map<Long, DataItem> byId(Collection<Long> ids) {
        return items.findAllById(ids).stream().collect(Collectors.toMap(DataItem::getId, Function.identity()));
    }

    public DataItem entity(String code) {
        Access.currentUser();
        return code == null ? missing(null) : items.findByCode(code.trim()).orElseGet(() -> missing(code));
    }

    private static DataItem missing(String code) {
        throw new NotFoundException("data item " + code);
    }

    @Transactional
    public DataItemView create(DataItemForm form) {
        requireEditor();
        Problems problems = new Problems();
        if (problems.required("code", form.code())) {
            if (!CODE.matcher(form.code().trim()).matches()) {
                problems.add("code", "data.item.code-format");
            } else if (items.existsByCode(form.code().trim())) {
                problems.add("code", "data.item.code-taken", form.code().trim());
            }
        }
        Parsed p = validate(form, problems);
        String formula = formula(form.code() == null ? "" : form.code().trim(), form.formula(), p, problems);
        problems.throwIfAny();
        DataItem item = new DataItem(
                form.code().trim(),
                p.name,
                p.unit,
                p.type,
                p.min,
                p.max,
                p.required,
                p.aggregation,
                p.period,
                p.description);
        item.setFormula(formula);
        items.saveAndFlush(item);
        DataItemView view = DataItemView.of(item);
        audit.created("DataItem", item.getCode(), item.getName(), null, view);
        return view;
    }

    @Transactional
    public DataItemView update(String code, DataItemForm form) {
        requireEditor();
        DataItem item = entity(code);
        if (form.version() != null && form.version() != item.getVersion()) {
            throw new ObjectOptimisticLockingFailureException(DataItem.class, item.getId());
        }
        Problems problems = new Problems();
        if (form.code() != null && !form.code().isBlank() && !form.code().trim().equals(item.getCode())) {
            problems.add("code", "data.item.code-immutable");
        }
        Parsed p = validate(form, problems);
        if (problems.isEmpty()
                && (p.type != item.getValueType() || p.period != item.getPeriodType())
                && values.itemHasValues(item.getId())) {
            problems.add(p.type != item.getValueType() ? "valueType" : "periodType", "data.item.has-values");
        }
        String formula = formula(item.getCode(), form.formula(), p, problems);
        if (formula != null && !item.isDerived() && problems.isEmpty() && values.itemHasValues(item.getId())) {
            problems.add("formula", "data.item.formula-has-values");
        }
        problems.throwIfAny();
        DataItemView before = DataItemView.of(item);
        item.edit(p.name, p.unit, p.type, p.min, p.max, p.required, p.aggregation, p.period, p.description);
        item.setFormula(formula);
        items.flush();
        DataItemView after = DataItemView.of(item);
        audit.updated("DataItem", item.getCode(), item.getName(), null, before, after);
        return after;
    }

    @Transactional
    public void delete(String code) {
        DataItem item = entity(code);
        if (!Access.holdsAtRoot(Set.of(Role.ADMIN))) {
            throw new ForbiddenException("error.forbidden");
        }
        if (values.itemHasValues(item.getId())
                || Boolean.TRUE.equals(jdbc.query(
                        "select 1 from data_value_history where item_id = ? fetch first 1 rows only",
                        (org.springframework.jdbc.core.ResultSetExtractor<Boolean>) rs -> rs.next(),
                        item.getId()))) {
            throw new ConflictException("data.item.delete-has-values", item.getName());
        }
        List<String> readers = items.findByFormulaIsNotNull().stream()
                .filter(d -> derivations.formula(d).codes().contains(item.getCode()))
                .map(DataItem::getName)
                .toList();
        if (!readers.isEmpty()) {
            throw new ConflictException("data.item.delete-in-formula", item.getName(), String.join("、", readers));
        }
        DataItemView before = DataItemView.of(item);
        try {
            items.delete(item);
            items.flush();
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw new ConflictException("data.item.delete-used", item.getName());
        }
        audit.deleted("DataItem", code, before.name(), null, before);
    }

    /** The codes of the items other features compute ({@link ComputedItems}): read-only like derived ones. */
    public java.util.Set<String> computedElsewhere() {
        return java.util.Set.copyOf(derivations.sources().keySet());
    }

    /**
     * Whether the current user may define items. The catalogue is shared by the whole tree, so only
     * administrators and directors at its root may change it; a county cannot redefine another's items.
     */
    public boolean canEdit() {
        return Access.holdsAtRoot(Role.OFFICE);
    }

    private void requireEditor() {
        if (!canEdit()) {
            throw new ForbiddenException("error.forbidden");
        }
    }

    private record Parsed(
            String name,
            String unit,
            ValueType type,
            BigDecimal min,
            BigDecimal max,
            boolean required,
            Aggregation aggregation,
            PeriodType period,
            String description) {}

    private Parsed validate(DataItemForm form, Problems problems) {
        if (problems.required("name", form.name())) {
            problems.name("name", form.name(), 100);
        }
        problems.maxLength("unit", form.unit(), 20);
        problems.maxLength("description", form.description(), 500);
        ValueType type = parse(ValueType.class, "valueType", form.valueType(), problems, true);
        PeriodType period = parse(PeriodType.class, "periodType", form.periodType(), problems, true);
        Aggregation aggregation = parse(Aggregation.class, "aggregation", form.aggregation(), problems, false);
        if (aggregation == null) {
            aggregation = Aggregation.NONE;
        }
        BigDecimal min = decimal("minValue", form.minValue(), problems);
        BigDecimal max = decimal("maxValue", form.maxValue(), problems);
        boolean numeric = type == ValueType.INTEGER || type == ValueType.NUMBER || type == ValueType.PERCENT;
        if (type != null && !numeric && (min != null || max != null)) {
            problems.add("minValue", "data.item.bounds-numeric");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            problems.add("maxValue", "data.item.bounds-order");
        }
        if (type != null && !numeric && aggregation == Aggregation.SUM) {
            problems.add("aggregation", "data.item.sum-numeric");
        }
        if (type == ValueType.PERCENT && aggregation == Aggregation.SUM) {
            problems.add("aggregation", "data.item.sum-rate");
        }
        return new Parsed(
                form.name() == null ? null : form.name().trim(),
                blank(form.unit()),
                type,
                min,
                max,
                Boolean.TRUE.equals(form.required()),
                aggregation,
                period,
                blank(form.description()));
    }

    /**
     * The checked formula of item {@code code} (null: its values are entered): it parses, reads only numeric items
     * of the same period type that exist, and no chain of formulas leads back to the item. Problems name
     * {@code formula}.
     */
    private String formula(String code, String text, Parsed p, Problems problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Formula formula;
        try {
            formula = Formula.parse(text.trim());
        } catch (Formula.Invalid e) {
            problems.add("formula", e.key(), e.args());
            return null;
        }
        if (p.type != null
                && p.type != ValueType.INTEGER
                && p.type != ValueType.NUMBER
                && p.type != ValueType.PERCENT) {
            problems.add("formula", "data.item.formula-numeric");
        }
        if (p.aggregation == Aggregation.SUM) {
            problems.add("aggregation", "data.item.formula-sum");
        }
        Map<String, DataItem> inputs = byCode(formula.codes());
        List<String> unknown = formula.codes().stream()
                .filter(c -> !inputs.containsKey(c) && !c.equals(code))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            problems.add("formula", "data.item.formula-unknown", String.join(", ", unknown));
            return null;
        }
        for (DataItem input : inputs.values()) {
            if (input.getCode().equals(code)) {
                continue;
            } else if (!input.isNumeric()) {
                problems.add("formula", "data.item.formula-input-numeric", input.getName());
            } else if (p.period != null && input.getPeriodType() != p.period) {
                problems.add("formula", "data.item.formula-period", input.getName());
            }
        }
        List<String> cycle = cycle(code, formula);
        if (!cycle.isEmpty()) {
            problems.add("formula", "data.item.formula-cycle", String.join(" → ", cycle));
        }
        return formula.text();
    }

    /** The chain of item codes by which {@code formula} of {@code code} reads itself, or empty. */
    private List<String> cycle(String code, Formula formula) {
        Map<String, java.util.Set<String>> reads = new java.util.HashMap<>();
        for (DataItem d : items.findByFormulaIsNotNull()) {
            reads.put(d.getCode(), derivations.formula(d).codes());
        }
        reads.put(code, formula.codes());
        java.util.Deque<String> path = new java.util.ArrayDeque<>();
        path.add(code);
        return leadsTo(code, code, reads, path, new java.util.HashSet<>())
                ? new java.util.ArrayList<>(path)
                : List.of();
    }

    private static boolean leadsTo(
            String from,
            String target,
            Map<String, java.util.Set<String>> reads,
            java.util.Deque<String> path,
            java.util.Set<String> seen) {
        for (String next : reads.getOrDefault(from, java.util.Set.of())) {
            path.addLast(next);
            if (next.equals(target) || seen.add(next) && leadsTo(next, target, reads, path, seen)) {
                return true;
            }
            path.removeLast();
        }
        return false;
    }

    private static <E extends Enum<E>> E parse(
            Class<E> type, String field, String text, Problems problems, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                problems.add(field, "error.required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(
                    field,
                    "data.item.choice",
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
            return null;
        }
    }

    private static BigDecimal decimal(String field, String text, Problems problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(text.trim());
            if (d.abs().compareTo(new BigDecimal("1e16")) >= 0
                    || d.stripTrailingZeros().scale() > 4) {
                problems.add(field, "data.value.not-number");
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(field, "data.value.not-number");
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
