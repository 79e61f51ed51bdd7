package org.dudao.data;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dudao.shared.InvalidInputException;

/** How an item's period is written: YEAR "2026", SCHOOL_YEAR "2026-2027", QUARTER "2026Q1", MONTH "2026-03". */
public enum PeriodType {
    YEAR(Pattern.compile("((?:19|20)\\d\\d)"), "2026"),
    SCHOOL_YEAR(Pattern.compile("((?:19|20)\\d\\d)-((?:19|20)\\d\\d)"), "2026-2027"),
    QUARTER(Pattern.compile("((?:19|20)\\d\\d)Q([1-4])"), "2026Q1"),
    MONTH(Pattern.compile("((?:19|20)\\d\\d)-(0[1-9]|1[0-2])"), "2026-03");

    private final Pattern pattern;
    private final String example;

    PeriodType(Pattern pattern, String example) {
        this.pattern = pattern;
        this.example = example;
    }

    public String example() {
        return example;
    }

    public boolean accepts(String period) {
        if (period == null) {
            return false;
        }
        Matcher m = pattern.matcher(period);
        if (!m.matches()) {
            return false;
        }
        return this != SCHOOL_YEAR || Integer.parseInt(m.group(2)) == Integer.parseInt(m.group(1)) + 1;
    }

    /** The period before {@code period} (last year, last quarter…), for "last period's value" hints. */
    public String previous(String period) {
        if (!accepts(period)) {
            return null;
        }
        Matcher m = pattern.matcher(period);
        m.matches();
        int year = Integer.parseInt(m.group(1));
        return switch (this) {
            case YEAR -> String.valueOf(year - 1);
            case SCHOOL_YEAR -> (year - 1) + "-" + year;
            case QUARTER -> {
                int q = Integer.parseInt(m.group(2));
                yield q == 1 ? (year - 1) + "Q4" : year + "Q" + (q - 1);
            }
            case MONTH -> {
                int month = Integer.parseInt(m.group(2));
                yield month == 1 ? (year - 1) + "-12" : year + "-" + String.format("%02d", month - 1);
            }
        };
    }

    /** The type whose format {@code period} has, or null. */
    public static PeriodType of(String period) {
        for (PeriodType t : values()) {
            if (t.accepts(period)) {
                return t;
            }
        }
        return null;
    }

    /** A well-formed period (trimmed), otherwise a "period" field problem. */
    public static String require(String period) {
        String p = period == null ? null : period.trim();
        if (of(p) == null) {
            throw InvalidInputException.of("period", "data.period.format");
        }
        return p;
    }
}
