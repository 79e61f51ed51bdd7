package org.dudao.collection;

import java.time.Instant;

public record ReminderView(String message, String sentBy, Instant sentAt) {}
