package org.dudao.shared.web;

import java.text.DecimalFormat;
import org.springframework.stereotype.Component;

/** Numbers as people read them on every screen ({@code ${@fmt.num(x)}}): 1,000 and 899.99, no trailing zeros. */
@Component("fmt")
public class Fmt {

    public String num(Double d) {
        if (d == null || d.isNaN() || d.isInfinite()) {
            return "-";
        }
        return new DecimalFormat("#,##0.##").format(d);
    }
}
