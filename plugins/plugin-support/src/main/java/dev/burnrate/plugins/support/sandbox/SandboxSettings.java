package dev.burnrate.plugins.support.sandbox;

import dev.burnrate.api.PluginContext;
import java.time.Duration;

/**
 * How long the sandbox pretends provisioning takes. Administrators can change it per plugin with the settings
 * {@code sandbox.request-seconds} (requested until provisioning starts) and {@code sandbox.boot-seconds}
 * (provisioning until running).
 */
public record SandboxSettings(Duration requestDelay, Duration bootTime, int maxInstances) {
    public static final String REQUEST_SECONDS = "sandbox.request-seconds";
    public static final String BOOT_SECONDS = "sandbox.boot-seconds";
    public static final String MAX_INSTANCES = "sandbox.max-instances";

    public static SandboxSettings from(PluginContext context) {
        return new SandboxSettings(Duration.ofSeconds(number(context, REQUEST_SECONDS, 5)),
                Duration.ofSeconds(number(context, BOOT_SECONDS, 90)), (int) number(context, MAX_INSTANCES, 1000));
    }

    private static long number(PluginContext context, String key, long fallback) {
        String value = context.setting(key).orElse(null);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < 0) {
                throw new IllegalArgumentException("setting " + key + " must not be negative: " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a whole number: '" + value + "'", e);
        }
    }
}
