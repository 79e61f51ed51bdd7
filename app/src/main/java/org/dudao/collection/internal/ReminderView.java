package org.dudao.collection.internal;

import java.time.Instant;

public record ReminderView(String message, String sentBy, Instant sentAt) {}
