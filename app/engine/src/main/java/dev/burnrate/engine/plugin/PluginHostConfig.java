package dev.burnrate.engine.plugin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the plugin host runs.
 *
 * @param pluginsDir         where installed plugin jars and zips live (created if missing)
 * @param callTimeout        how long a call into a plugin may take before it is cut off
 * @param kernelTimeout      the same for {@code ComputeBackend.launch}, which legitimately runs long
 * @param maxUploadBytes     the largest plugin archive an upload may be
 * @param faultsBeforeSuspend consecutive failed calls after which a plugin is suspended (a timeout suspends at once)
 * @param breakerCoolDown    how long a suspended plugin rests before one trial call may try it again
 * @param methodTimeouts     limits for extension methods by name that legitimately take longer than
 *                           {@code callTimeout} (e.g. {@code provision}), overriding it
 */
public record PluginHostConfig(Path pluginsDir, Duration callTimeout, Duration kernelTimeout, long maxUploadBytes,
                               int faultsBeforeSuspend, Duration breakerCoolDown,
                               Map<String, Duration> methodTimeouts) {

    /** Five minutes' cool-down and no per-method limits. */
    public PluginHostConfig(Path pluginsDir, Duration callTimeout, Duration kernelTimeout, long maxUploadBytes,
                            int faultsBeforeSuspend) {
        this(pluginsDir, callTimeout, kernelTimeout, maxUploadBytes, faultsBeforeSuspend, Duration.ofMinutes(5),
                Map.of());
    }

    public PluginHostConfig {
        Objects.requireNonNull(pluginsDir, "pluginsDir");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(kernelTimeout, "kernelTimeout");
        Objects.requireNonNull(breakerCoolDown, "breakerCoolDown");
        methodTimeouts = Map.copyOf(methodTimeouts == null ? Map.of() : methodTimeouts);
        if (breakerCoolDown.isNegative()
                || methodTimeouts.values().stream().anyMatch(t -> t.isNegative() || t.isZero())) {
            throw new IllegalArgumentException("the cool-down and method timeouts must be positive");
        }
        if (callTimeout.isNegative() || callTimeout.isZero() || kernelTimeout.isNegative() || kernelTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxUploadBytes <= 0 || faultsBeforeSuspend <= 0) {
            throw new IllegalArgumentException("maxUploadBytes and faultsBeforeSuspend must be positive");
        }
    }

    /** 10 s per call, 10 min per kernel launch, 64 MiB uploads, suspended after 3 failures in a row. */
    public static PluginHostConfig defaults(Path pluginsDir) {
        return new PluginHostConfig(pluginsDir, Duration.ofSeconds(10), Duration.ofMinutes(10), 64L << 20, 3);
    }

    public PluginHostConfig withCallTimeout(Duration timeout) {
        return new PluginHostConfig(pluginsDir, timeout, kernelTimeout, maxUploadBytes, faultsBeforeSuspend,
                breakerCoolDown, methodTimeouts);
    }

    public PluginHostConfig withBreakerCoolDown(Duration coolDown) {
        return new PluginHostConfig(pluginsDir, callTimeout, kernelTimeout, maxUploadBytes, faultsBeforeSuspend,
                coolDown, methodTimeouts);
    }

    public PluginHostConfig withMethodTimeouts(Map<String, Duration> timeouts) {
        return new PluginHostConfig(pluginsDir, callTimeout, kernelTimeout, maxUploadBytes, faultsBeforeSuspend,
                breakerCoolDown, timeouts);
    }

    /** Where uploads are written before they are checked; hidden, inside the plugins folder (same file system). */
    public Path stagingDir() {
        return pluginsDir.resolve(".staging");
    }
}
