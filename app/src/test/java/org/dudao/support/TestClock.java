package org.dudao.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The tests' clock, the app's {@link Clock} bean in every test context ({@link TestClockConfig}): it starts on a
 * fixed day in China, 15 June 2026 at 09:00, far from a year's edges, and runs on from there at real speed, so
 * "this year", "yesterday" and "in 30 days" are the same on any day the suite runs while timestamps still order.
 * Tests read "now" and "today" here, never from the system clock. {@code -Ddudao.test.clock=2027-01-01T00:05}
 * (a local time in China, or a date for 09:00 of that day) starts it elsewhere, e.g. to prove a test does not
 * depend on the calendar.
 */
public final class TestClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant START = start(System.getProperty("dudao.test.clock", "2026-06-15T09:00"));
    private static final long START_NANOS = System.nanoTime();
    private static final TestClock CLOCK = new TestClock(ZONE);

    private final ZoneId zone;

    private TestClock(ZoneId zone) {
        this.zone = zone;
    }

    /** The clock itself, in China's zone. */
    public static TestClock clock() {
        return CLOCK;
    }

    public static Instant now() {
        return CLOCK.instant();
    }

    public static LocalDate today() {
        return LocalDate.now(CLOCK);
    }

    public static int year() {
        return today().getYear();
    }

    @Override
    public Instant instant() {
        return START.plusNanos(System.nanoTime() - START_NANOS);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new TestClock(zone);
    }

    private static Instant start(String at) {
        LocalDateTime local =
                at.contains("T") ? LocalDateTime.parse(at) : LocalDate.parse(at).atTime(9, 0);
        return ZonedDateTime.of(local, ZONE).toInstant();
    }
}
