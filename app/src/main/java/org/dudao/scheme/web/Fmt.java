package org.dudao.scheme.web;

import java.text.DecimalFormat;

/** Numbers as people read them in the scheme screens: 1,000 and 899.99, no trailing zeros. */
public final class Fmt {

    private Fmt() {
    }

    public static String num(Double d) {
        if (d == null || d.isNaN() || d.isInfinite()) {
            return "-";
        }
        return new DecimalFormat("#,##0.##").format(d);
    }
}
