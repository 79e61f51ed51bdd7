package org.dudao.evaluation.internal;

import java.time.Instant;

/** A school under 公示 as the public page lists it. */
public record PublicEntry(
        Long id, String orgUnit, String name, String kind, Double total, String grade, Instant until, boolean open) {}
