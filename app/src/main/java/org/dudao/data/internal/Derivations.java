package org.dudao.data.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.dudao.data.Computed;
import org.dudao.data.ComputedItems;
import org.dudao.data.DataItem;
import org.dudao.data.ValueType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Values that are computed, never typed: derived items (a {@link Formula} over items of the same unit and period)
 * and the items other features compute ({@link ComputedItems} beans, looked up lazily so the data module boots
 * without them and they may depend on the data module). A plan says which stored items a read needs; the values
 * are then evaluated per unit, in dependency order.
 */
@Service
public class Derivations {

    /** Decimals of a derived value, as of a typed one. */
    static final int SCALE = 4;

    private final DataItemRepository items;
    private final ObjectProvider<ComputedItems> computedItems;
    private final MessageSource messages;
    private final Map<String, Formula> parsed = new ConcurrentHashMap<>();

    Derivations(DataItemRepository items, ObjectProvider<ComputedItems> computedItems, MessageSource messages) {
        this.items = items;
        this.computedItems = computedItems;
        this.messages = messages;
    }

    /**
     * What reading {@code codes} takes: the derived items in evaluation order (inputs first), the codes other
     * features compute, and the stored codes to read (the asked ones and the inputs of derived ones).
     */
    public record Plan(
            Map<String, DataItem> derived,
            Map<String, ComputedItems> computed,
            Set<String> stored,
            Map<String, String> names) {

        /** Whether nothing asked is computed: the stored values are the answer. */
        public boolean storedOnly() {
            return derived.isEmpty() && computed.isEmpty();
        }

        public boolean computes(String code) {
            return derived.containsKey(code) || computed.containsKey(code);
        }
    }

    public Plan plan(Collection<String> codes) {
        Map<String, DataItem> formulas = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (DataItem i : items.findByFormulaIsNotNull()) {
            formulas.put(i.getCode(), i);
        }
        Map<String, ComputedItems> sources = sources();
        Map<String, DataItem> order = new LinkedHashMap<>();
        Map<String, ComputedItems> computed = new HashMap<>();
        Set<String> stored = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (String code : codes) {
            visit(code, formulas, sources, order, computed, stored, visiting);
        }
        if (!order.isEmpty()) {
            Set<String> inputs = new HashSet<>(stored);
            inputs.addAll(computed.keySet());
            items.findByCodeIn(inputs).forEach(i -> names.put(i.getCode(), i.getName()));
            order.values().forEach(i -> names.put(i.getCode(), i.getName()));
        }
        return new Plan(order, computed, stored, names);
    }

    private void visit(
            String code,
            Map<String, DataItem> formulas,
            Map<String, ComputedItems> sources,
            Map<String, DataItem> order,
            Map<String, ComputedItems> computed,
            Set<String> stored,
            Set<String> visiting) {
        if (order.containsKey(code) || computed.containsKey(code) || stored.contains(code)) {
            return;
        }
        DataItem item = formulas.get(code);
        if (item != null) {
            // a cycle cannot be saved (DataItems refuses it); should one exist, its items stay not computable
            if (!visiting.add(code)) {
                return;
            }
            for (String input : formula(item).codes()) {
                visit(input, formulas, sources, order, computed, stored, visiting);
            }
            order.put(code, item);
        } else if (sources.containsKey(code)) {
            computed.put(code, sources.get(code));
        } else {
            stored.add(code);
        }
    }

    /** The code → source of every item another feature computes. */
    public Map<String, ComputedItems> sources() {
        Map<String, ComputedItems> sources = new HashMap<>();
        computedItems.orderedStream().forEach(s -> s.codes().forEach(c -> sources.putIfAbsent(c, s)));
        return sources;
    }

    /** Whether values of the item are computed (by its formula or another feature) and so never typed. */
    public boolean computes(DataItem item) {
        return item.isDerived() || sources().containsKey(item.getCode());
    }

    public Formula formula(DataItem item) {
        return parsed.computeIfAbsent(item.getFormula(), Formula::parse);
    }

    /**
     * The computed values of one unit: every item of {@code plan} that is derived or computed elsewhere, given the
     * unit's stored numbers ({@code stored}, by code).
     */
    public Map<String, Computed> evaluate(Plan plan, long unitId, String period, Map<String, BigDecimal> stored) {
        Map<String, Computed> result = new LinkedHashMap<>();
        plan.computed().forEach((code, source) -> result.put(code, source.value(unitId, period, code)));
        Function<String, Computed> lookup = code -> {
            Computed c = result.get(code);
            if (c != null || plan.computes(code)) {
                // a derived item left out of the plan by a cycle has no value
                return c == null ? Computed.notComputable(text("data.derived.cycle")) : c;
            }
            BigDecimal n = stored.get(code);
            return n == null ? null : Computed.of(n);
        };
        Formula.Inputs inputs = new Formula.Inputs() {
            @Override
            public Computed value(String code) {
                return lookup.apply(code);
            }

            @Override
            public String name(String code) {
                return plan.names().getOrDefault(code, code);
            }

            @Override
            public String missing(String name) {
                return text("data.derived.missing", name);
            }

            @Override
            public String zero(String what) {
                return text("data.derived.zero", what);
            }
        };
        for (DataItem item : plan.derived().values()) {
            Computed c = formula(item).evaluate(inputs);
            result.put(item.getCode(), c.computable() ? Computed.of(round(item, c.value())) : c);
        }
        return result;
    }

    /** Evaluates {@link #evaluate} for many units at once: unit id → code → value. */
    public Map<Long, Map<String, Computed>> evaluate(
            Plan plan, Collection<Long> unitIds, String period, Map<Long, Map<String, BigDecimal>> stored) {
        Map<Long, Map<String, Computed>> result = new HashMap<>();
        for (Long unit : unitIds) {
            result.put(unit, evaluate(plan, unit, period, stored.getOrDefault(unit, Map.of())));
        }
        return result;
    }

    private static BigDecimal round(DataItem item, BigDecimal value) {
        BigDecimal r = value.setScale(item.getValueType() == ValueType.INTEGER ? 0 : SCALE, RoundingMode.HALF_UP);
        BigDecimal s = r.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
