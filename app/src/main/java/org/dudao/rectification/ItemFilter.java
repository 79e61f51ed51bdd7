package org.dudao.rectification;

/**
 * Which rectification items to list: {@code unit} a unit code (the unit and everything under it), {@code status} a
 * status name or {@code OPEN} (not yet 已销号), {@code escalation} the highest level of the ladder reached,
 * {@code source} a {@link RectificationSource} name, {@code township} the code of the township (or other unit)
 * the items sit under, {@code overdue} {@code true} for 逾期 items only ({@code false}: those not 逾期), {@code q} part of the
 * unit's name or code or of the item's problem, requirement, plan or progress. Every field may be null.
 */
public record ItemFilter(
        String unit, String status, String escalation, String source, String township, String overdue, String q) {

    public static final ItemFilter ALL = new ItemFilter(null, null, null, null, null, null, null);

    /** The pseudo status of every item not yet 已销号. */
    public static final String OPEN = "OPEN";

    public ItemFilter withEscalation(String level) {
        return new ItemFilter(unit, status, level, source, township, overdue, q);
    }
}
