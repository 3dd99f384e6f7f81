package dev.burnrate.portal.usagesource;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** When a configured source is due: one interval after its last run started, at once if it never ran. */
final class UsageSourceSchedule {

    private UsageSourceSchedule() {
    }

    static Instant nextRun(UsageSourceConfig config, Optional<Instant> lastStart, Clock clock) {
        return lastStart.map(s -> s.plus(config.interval())).orElse(clock.instant());
    }

    static boolean isDue(UsageSourceConfig config, Optional<Instant> lastStart, Clock clock) {
        return config.enabled() && !nextRun(config, lastStart, clock).isAfter(clock.instant());
    }
}
