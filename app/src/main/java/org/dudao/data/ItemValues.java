package org.dudao.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parses and formats values of an item by its type, unit and bounds. Problems are message keys with arguments,
 * so every channel (form, API, Excel) reports them in the user's language.
 */
public final class ItemValues {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal LIMIT = new BigDecimal("1e16");
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");

    private ItemValues() {}

    /** A parsed value ({@code num}/{@code text}, both null for empty) or a problem (message key + arguments). */
    public record Parsed(BigDecimal num, String text, String problem, Object[] args) {

        static Parsed ok(BigDecimal num, String text) {
            return new Parsed(num, text, null, null);
        }

        static Parsed bad(String key, Object... args) {
            return new Parsed(null, null, key, args);
        }

        public boolean ok() {
            return problem == null;
        }

        public boolean empty() {
            return problem == null && num == null && text == null;
        }
    }

    public static Parsed parse(DataItem item, String raw) {
        if (raw == null || raw.isBlank()) {
            return Parsed.ok(null, null);
        }
        String t = raw.trim();
        return switch (item.getValueType()) {
            case INTEGER, NUMBER, PERCENT -> number(item, t);
            case BOOLEAN -> bool(t);
            case DATE -> date(t);
            case TEXT -> t.length() > 2000 ? Parsed.bad("error.too-long", 2000) : Parsed.ok(null, t);
        };
    }

    private static Parsed number(DataItem item, String t) {
        String s = t.replace(",", "").replace("，", "").replace(" ", "");
        if (item.getValueType() == ValueType.PERCENT && s.endsWith("%")) {
            s = s.substring(0, s.length() - 1);
        }
        BigDecimal n;
        try {
            n = new BigDecimal(s);
        } catch (NumberFormatException e) {
            return Parsed.bad(
                    item.getValueType() == ValueType.INTEGER ? "data.value.not-integer" : "data.value.not-number");
        }
        if (n.abs().compareTo(LIMIT) >= 0) {
            return Parsed.bad("data.value.too-big");
        }
        n = n.stripTrailingZeros();
        if (n.scale() < 0) {
            n = n.setScale(0);
        }
        if (item.getValueType() == ValueType.INTEGER && n.scale() > 0) {
            return Parsed.bad("data.value.not-integer");
        }
        if (n.scale() > 4) {
            return Parsed.bad("data.value.decimals", 4);
        }
        BigDecimal min = item.getMinValue();
        BigDecimal max = item.getMaxValue();
        if (item.getValueType() == ValueType.PERCENT) {
            min = min == null ? BigDecimal.ZERO : min;
            max = max == null ? HUNDRED : max;
        }
        if (min != null && n.compareTo(min) < 0 || max != null && n.compareTo(max) > 0) {
            if (min != null && max != null) {
                // the unit apart: "应在 0 到 1000 间 之间" reads as nonsense
                return unit(item).isEmpty()
                        ? Parsed.bad("data.value.range", plain(min), plain(max))
                        : Parsed.bad("data.value.range-unit", plain(min), plain(max), unit(item));
            }
            return min != null
                    ? Parsed.bad("data.value.min", plain(min), unit(item))
                    : Parsed.bad("data.value.max", plain(max), unit(item));
        }
        return Parsed.ok(n, null);
    }

    private static Parsed bool(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "1", "是", "yes", "y", "有" -> Parsed.ok(BigDecimal.ONE, null);
            case "false", "0", "否", "no", "n", "无" -> Parsed.ok(BigDecimal.ZERO, null);
            default -> Parsed.bad("data.value.not-boolean");
        };
    }

    /** Dates of schools reach further back than deadlines (a founding year), but not beyond these. */
    private static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);

    private static final LocalDate LAST_DATE = LocalDate.of(2100, 12, 31);

    private static Parsed date(String t) {
        LocalDate d;
        try {
            d = LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            try {
                d = LocalDate.parse(t, SLASHED);
            } catch (DateTimeParseException e2) {
                return Parsed.bad("data.value.not-date");
            }
        }
        if (d.isBefore(FIRST_DATE) || d.isAfter(LAST_DATE)) {
            return Parsed.bad("error.date-range", FIRST_DATE.toString(), LAST_DATE.toString());
        }
        return Parsed.ok(null, d.toString());
    }

    /** The value as text in the API and in forms: plain numbers, "true"/"false", ISO dates. */
    public static String format(DataItem item, BigDecimal num, String text) {
        if (num == null) {
            return text;
        }
        if (item.getValueType() == ValueType.BOOLEAN) {
            return num.signum() != 0 ? "true" : "false";
        }
        return plain(num);
    }

    public static String plain(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static String unit(DataItem item) {
        return item.getUnit() == null ? "" : item.getUnit();
    }
}
