package org.dudao.rectification.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Stream;
import org.dudao.rectification.ItemFilter;
import org.dudao.rectification.ItemView;
import org.dudao.rectification.RectificationSource;
import org.dudao.shared.Problems;

/**
 * An {@link ItemFilter} read and checked: every bad field is a problem naming it. The unit and township narrow the
 * paths searched and are resolved (in scope) by the caller; the rest is matched here, on the item and on its view.
 */
public final class ItemCriteria {

    private final String status;
    private final EscalationLevel level;
    private final String source;
    private final Boolean overdue;
    private final String q;

    private ItemCriteria(String status, EscalationLevel level, String source, Boolean overdue, String q) {
        this.status = status;
        this.level = level;
        this.source = source;
        this.overdue = overdue;
        this.q = q;
    }

    public static ItemCriteria of(ItemFilter filter, Problems problems) {
        problems.text("q", filter.q(), 200);
        return new ItemCriteria(
                status(filter.status(), problems),
                level(filter.escalation(), problems),
                source(filter.source(), problems),
                overdue(filter.overdue(), problems),
                blank(filter.q()) ? null : filter.q().trim().toLowerCase(Locale.ROOT));
    }

    /** Status, source and 逾期 of the stored item. */
    public boolean matches(Rectification r, LocalDate today) {
        boolean statusOk = status == null
                || (ItemFilter.OPEN.equals(status)
                        ? r.getStatus() != ItemStatus.CLOSED
                        : r.getStatus().name().equals(status));
        return statusOk
                && (source == null || source.equals(r.getSource()))
                && (overdue == null || overdue == r.overdue(today));
    }

    /** The escalation level reached and the search text, on what the screens show. */
    public boolean matches(ItemView v) {
        return (level == null || level.name().equals(v.escalation()))
                && (q == null
                        || Stream.of(v.orgUnit(), v.unitName(), v.problem(), v.requirement(), v.plan(), v.progress())
                                .anyMatch(t ->
                                        t != null && t.toLowerCase(Locale.ROOT).contains(q)));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A status name, or {@link ItemFilter#OPEN} for every item not yet 已销号. */
    private static String status(String status, Problems problems) {
        if (blank(status)) return null;
        String name = status.trim().toUpperCase(Locale.ROOT);
        if (ItemFilter.OPEN.equals(name)) return name;
        try {
            return ItemStatus.valueOf(name).name();
        } catch (IllegalArgumentException e) {
            problems.add("status", "rectification.error.status");
            return null;
        }
    }

    private static EscalationLevel level(String level, Problems problems) {
        if (blank(level)) return null;
        try {
            return EscalationLevel.valueOf(level.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("escalation", "rectification.error.escalation");
            return null;
        }
    }

    private static String source(String source, Problems problems) {
        if (blank(source)) return null;
        try {
            return RectificationSource.valueOf(source.trim().toUpperCase(Locale.ROOT))
                    .name();
        } catch (IllegalArgumentException e) {
            problems.add("source", "rectification.error.source");
            return null;
        }
    }

    private static Boolean overdue(String overdue, Problems problems) {
        if (blank(overdue)) return null;
        return switch (overdue.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                problems.add("overdue", "rectification.error.overdue");
                yield null;
            }
        };
    }
}
