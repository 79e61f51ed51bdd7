package org.dudao.evaluation.internal;

import java.time.Instant;
import java.util.List;

/** A recorded draw: seed, filter, who drew when, every candidate considered, the excluded with why, the drawn. */
public record DrawView(
        Long id,
        long seed,
        String field,
        int requested,
        String drawnBy,
        Instant drawnAt,
        List<Person> candidates,
        List<Excluded> excluded,
        List<Person> drawn) {

    public record Person(Long id, String name) {}

    /**
     * An expert left out: {@code reason} CONFLICT (home unit in the county of, or is, {@code unit}), INACTIVE,
     * IN_GROUP (already drawn or a member), NO_ACCOUNT (no linked user) or NO_GRANT (their user may not score the
     * group's schools at its level).
     */
    public record Excluded(Long id, String name, String reason, String unit) {}
}
