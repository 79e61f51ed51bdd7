package org.dudao.user.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberedCredentialsTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };

    private Instant now = Instant.parse("2026-06-15T01:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aMatchIsCheckedOnceWithinItsTimeAndAgainAfter() {
        var remembered = new RememberedCredentials(counting, Duration.ofMinutes(5), 100, clock);
        String hash = bcrypt.encode("secret123");
        assertThat(remembered.matches("secret123", hash)).isTrue();
        assertThat(remembered.matches("secret123", hash)).isTrue();
        assertThat(checks).hasValue(1);
        now = now.plus(Duration.ofMinutes(6));
        assertThat(remembered.matches("secret123", hash)).isTrue();
        assertThat(checks).hasValue(2);
    }

    @Test
    void wrongPasswordsAndNewHashesAreAlwaysChecked() {
        var remembered = new RememberedCredentials(counting, Duration.ofMinutes(5), 100, clock);
        String hash = bcrypt.encode("secret123");
        assertThat(remembered.matches("secret123", hash)).isTrue();
        assertThat(remembered.matches("wrong", hash)).isFalse();
        assertThat(remembered.matches("wrong", hash)).isFalse();
        // the password changed: the stored hash is new, so the old password is checked against it and fails
        String changed = bcrypt.encode("other1234");
        assertThat(remembered.matches("secret123", changed)).isFalse();
        assertThat(checks).hasValue(4);
    }

    @Test
    void aFullCacheStartsOverInsteadOfGrowing() {
        var remembered = new RememberedCredentials(counting, Duration.ofMinutes(5), 2, clock);
        String a = bcrypt.encode("a-pass123");
        String b = bcrypt.encode("b-pass123");
        String c = bcrypt.encode("c-pass123");
        remembered.matches("a-pass123", a);
        remembered.matches("b-pass123", b);
        remembered.matches("c-pass123", c); // full: cleared, then c remembered
        remembered.matches("c-pass123", c);
        remembered.matches("a-pass123", a);
        assertThat(checks).hasValue(4);
    }

    @Test
    void zeroTimeRemembersNothing() {
        var remembered = new RememberedCredentials(counting, Duration.ZERO, 100, clock);
        String hash = bcrypt.encode("secret123");
        remembered.matches("secret123", hash);
        remembered.matches("secret123", hash);
        assertThat(checks).hasValue(2);
    }
}
