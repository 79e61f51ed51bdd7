package org.dudao.engine;

/** Comparison operators of thresholds and veto conditions, written as in the scheme JSON. */
public enum Op {
    GE(">="),
    LE("<="),
    GT(">"),
    LT("<"),
    EQ("==");

    /**
     * Relative tolerance: items are decimals typed by people and per-pupil actuals are quotients, so
     * 29,000 books over 1,000 pupils must meet a standard of 29 even if the division is off by an ulp.
     */
    static final double EPS = 1e-9;

    private final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The operator written {@code symbol}, or null when unknown (the validator reports it). */
    public static Op parse(String symbol) {
        for (Op op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        return null;
    }

    /** {@code actual op standard}; NaN (missing) never satisfies anything. */
    public boolean test(double actual, double standard) {
        return test(ordinal(), actual, standard);
    }

    /** Hot-path form on the ordinal, so compiled schemes keep ops in a byte array. */
    static boolean test(int op, double a, double s) {
        double tol = EPS * (Math.abs(s) + 1);
        switch (op) {
            case 0:
                return a >= s - tol;
            case 1:
                return a <= s + tol;
            case 2:
                return a > s + tol;
            case 3:
                return a < s - tol;
            default:
                return Math.abs(a - s) <= tol;
        }
    }
}
