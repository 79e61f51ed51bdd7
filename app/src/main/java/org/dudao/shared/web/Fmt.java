package org.dudao.shared.web;

import java.text.DecimalFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import org.springframework.stereotype.Component;

/**
 * Numbers and times as people read them on every screen: {@code ${@fmt.num(x)}} gives 1,000 and 899.99 (no
 * trailing zeros); {@code ${@fmt.time(t, 'yyyy-MM-dd HH:mm')}} shows a stored moment (UTC) in the configured zone.
 */
@Component("fmt")
public class Fmt {

    private final ZoneId zone;

    Fmt(Clock clock) {
        this.zone = clock.getZone();
    }

    /** A moment in the configured zone; dates and local times as they are; null as nothing. */
    public String time(Temporal t, String pattern) {
        if (t == null) {
            return "";
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern);
        if (t instanceof Instant i) {
            return format.format(i.atZone(zone));
        }
        if (t instanceof OffsetDateTime o) {
            return format.format(o.atZoneSameInstant(zone));
        }
        if (t instanceof ZonedDateTime z) {
            return format.format(z.withZoneSameInstant(zone));
        }
        return format.format(t);
    }

    public String num(Double d) {
        if (d == null || d.isNaN() || d.isInfinite()) {
            return "-";
        }
        return new DecimalFormat("#,##0.##").format(d);
    }
}
