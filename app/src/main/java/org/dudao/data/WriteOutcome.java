package org.dudao.data;

import java.util.List;

/**
 * What a batch write did, or why it did nothing: {@code stale} lists values changed by someone else since the
 * writer read them, {@code locked} values that a submitted task locks. When either is non-empty nothing was
 * written.
 */
public record WriteOutcome(
        int inserted, int updated, int deleted, int unchanged, List<Stale> stale, List<ValueWrite> locked) {

    /** A write whose expected version no longer matches: what is stored now, and by whom. */
    public record Stale(ValueWrite write, StoredValue current) {}

    public boolean refused() {
        return !stale.isEmpty() || !locked.isEmpty();
    }
}
