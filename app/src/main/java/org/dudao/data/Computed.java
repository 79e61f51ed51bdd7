package org.dudao.data;

import java.math.BigDecimal;

/** A value computed from other data rather than typed: the figure, or why it cannot be computed (无法计算). */
public record Computed(BigDecimal value, String reason) {

    public static Computed of(BigDecimal value) {
        return new Computed(value, null);
    }

    public static Computed notComputable(String reason) {
        return new Computed(null, reason);
    }

    public boolean computable() {
        return value != null;
    }
}
