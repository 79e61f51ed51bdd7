package org.dudao.rectification;

import java.time.Instant;

/** A level an item reached ({@code REMINDER}, {@code CRITICISM}, {@code SUPERVISED}, {@code INTERVIEW}). */
public record EscalationView(String level, int daysOverdue, Instant at) {}
