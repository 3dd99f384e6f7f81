package dev.burnrate.portal.base;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a call into a cloud provider may take, per operation ({@code burnrate.provisioning.timeout.*}, e.g.
 * {@code provision=5m}). Creating capacity can legitimately take minutes; a call cut off too early leaves a request
 * whose outcome is unknown, so these are generous. The plugin host's guard uses the same limits for these methods.
 *
 * @param provision   {@code provision}
 * @param deprovision {@code deprovision}
 * @param stop        {@code stop}
 * @param status      {@code status} and {@code statusOfRequest}
 * @param inventory   {@code inventory} (the sweep)
 * @param meter       {@code meter}
 * @param read        catalog reads (regions, offerings) and anything not named above
 * @param leaseMargin how much longer than {@code provision} a claim on a request lasts (see {@link #lease()})
 */
@ConfigurationProperties("burnrate.provisioning.timeout")
public record ProviderTimeouts(@DefaultValue("5m") Duration provision, @DefaultValue("5m") Duration deprovision,
                               @DefaultValue("2m") Duration stop, @DefaultValue("1m") Duration status,
                               @DefaultValue("2m") Duration inventory, @DefaultValue("1m") Duration meter,
                               @DefaultValue("30s") Duration read, @DefaultValue("1m") Duration leaseMargin) {

    public static ProviderTimeouts defaults() {
        return new ProviderTimeouts(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(2),
                Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofSeconds(30),
                Duration.ofMinutes(1));
    }

    /** The limit for a provider method by name. */
    public Duration forOperation(String method) {
        return byMethod().getOrDefault(method, read);
    }

    /** The limits by {@code CloudProvider} method name, for the plugin host's guard. */
    public Map<String, Duration> byMethod() {
        return Map.of("provision", provision, "deprovision", deprovision, "stop", stop, "status", status,
                "statusOfRequest", status, "inventory", inventory, "meter", meter);
    }

    /**
     * How long a claim on a request protects its provider call from being handed over again: longer than the
     * longest call, so a live call is never taken over, yet a claim of a process that died runs out.
     */
    public Duration lease() {
        return provision.plus(leaseMargin);
    }
}
