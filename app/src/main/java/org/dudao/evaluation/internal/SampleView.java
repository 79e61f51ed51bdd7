package org.dudao.evaluation.internal;

import java.time.Instant;
import java.util.List;

/** A recorded sample: seed, size asked, who drew when, and the sampled units with their township. */
public record SampleView(
        Long id,
        String level,
        long seed,
        Integer percent,
        Integer count,
        String drawnBy,
        Instant drawnAt,
        int files,
        List<Unit> units) {

    public record Unit(String code, String name, String township, String townshipName) {}
}
