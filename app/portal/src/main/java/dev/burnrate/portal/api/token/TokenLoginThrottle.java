package dev.burnrate.portal.api.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing through the CLI login exchange: after {@code burnrate.api.login.failures-per-user}
 * failed attempts on one user name, or {@code failures-per-address} from one client address, within the window,
 * further attempts are refused (without checking the password) until the oldest failure leaves the window. The
 * address limit is higher because many people may share one address (NAT, a CI runner pool). Kept in memory: a
 * restart forgets it, which costs an attacker a restart they cannot cause.
 */
@Component
public class TokenLoginThrottle {

    /** Past this many tracked keys, keys whose failures all left the window are dropped. */
    private static final int PURGE_THRESHOLD = 10_000;

    private final Clock clock;
    private final int perUser;
    private final int perAddress;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public TokenLoginThrottle(Clock clock,
                              @Value("${burnrate.api.login.failures-per-user:5}") int perUser,
                              @Value("${burnrate.api.login.failures-per-address:20}") int perAddress,
                              @Value("${burnrate.api.login.window:1m}") Duration window) {
        if (perUser < 1 || perAddress < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("burnrate.api.login.*: limits must be at least 1 and the window positive");
        }
        this.clock = clock;
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** How long the caller must wait before trying again, or empty when an attempt is allowed now. */
    public Optional<Duration> retryAfter(String username, String address) {
        Instant now = clock.instant();
        Duration user = wait(userKey(username), perUser, now);
        Duration client = wait(addressKey(address), perAddress, now);
        Duration longest = user.compareTo(client) >= 0 ? user : client;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    public void recordFailure(String username, String address) {
        Instant now = clock.instant();
        add(userKey(username), now);
        add(addressKey(address), now);
        if (failures.size() > PURGE_THRESHOLD) {
            failures.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    prune(entry.getValue(), now);
                    return entry.getValue().isEmpty();
                }
            });
        }
    }

    /** A correct password clears the user name's failures (not the address's: one good account must not reset it). */
    public void recordSuccess(String username) {
        failures.remove(userKey(username));
    }

    private Duration wait(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return Duration.ZERO;
            }
            // The attempt that brought the count to the limit leaves the window first among those that matter.
            Instant oldestCounting = times.stream().skip(times.size() - limit).findFirst().orElseThrow();
            return Duration.between(now, oldestCounting.plus(window));
        }
    }

    private void add(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
