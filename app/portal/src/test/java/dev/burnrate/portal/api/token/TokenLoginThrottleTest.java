package dev.burnrate.portal.api.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenLoginThrottleTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final TokenLoginThrottle throttle = new TokenLoginThrottle(clock, 5, 20, Duration.ofMinutes(1));

    @Test
    void theSixthAttemptOnOneUserWithinAMinuteIsRefusedUntilTheFirstFailureLeavesTheWindow() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.retryAfter("alice", "10.0.0." + i)).isEmpty();
            throttle.recordFailure("alice", "10.0.0." + i);
            clock.advance(Duration.ofSeconds(10));
        }
        // first failure at :00, now :50 -> wait 10 s; the name is compared case-insensitively
        assertThat(throttle.retryAfter("Alice", "10.0.0.99")).contains(Duration.ofSeconds(10));
        assertThat(throttle.retryAfter("bob", "10.0.0.99")).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(throttle.retryAfter("alice", "10.0.0.99")).isEmpty();
    }

    @Test
    void oneAddressGuessingManyNamesIsRefusedAtTheAddressLimit() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.retryAfter("user" + i, "192.0.2.7")).isEmpty();
            throttle.recordFailure("user" + i, "192.0.2.7");
        }
        assertThat(throttle.retryAfter("someone-else", "192.0.2.7")).contains(Duration.ofMinutes(1));
        assertThat(throttle.retryAfter("someone-else", "192.0.2.8")).isEmpty();
    }

    @Test
    void aCorrectPasswordClearsTheUsersFailuresButNotTheAddresss() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("carol", "192.0.2.9");
        }
        throttle.recordSuccess("carol");
        throttle.recordFailure("carol", "192.0.2.9");
        assertThat(throttle.retryAfter("carol", "192.0.2.1")).isEmpty();
        TokenLoginThrottle strictAddress = new TokenLoginThrottle(clock, 5, 2, Duration.ofMinutes(1));
        strictAddress.recordFailure("dave", "192.0.2.9");
        strictAddress.recordFailure("dave", "192.0.2.9");
        strictAddress.recordSuccess("dave");
        assertThat(strictAddress.retryAfter("dave", "192.0.2.9")).isPresent();
    }

    @Test
    void nonsenseLimitsAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new TokenLoginThrottle(clock, 0, 20, Duration.ofMinutes(1)))
                .hasMessageContaining("burnrate.api.login");
        assertThatThrownBy(() -> new TokenLoginThrottle(clock, 5, 20, Duration.ZERO))
                .hasMessageContaining("burnrate.api.login");
    }

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
