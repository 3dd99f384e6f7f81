package dev.burnrate.engine.plugin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the plugin host runs.
 *
 * @param pluginsDir         where installed plugin jars and zips live (created if missing)
 * @param callTimeout        how long a call into a plugin may take before it is cut off
 * @param kernelTimeout      the same for {@code ComputeBackend.launch}, which legitimately runs long
 * @param maxUploadBytes     the largest plugin archive an upload may be
 * @param faultsBeforeSuspend consecutive failed calls after which a plugin is suspended (a timeout suspends at once)
 */
public record PluginHostConfig(Path pluginsDir, Duration callTimeout, Duration kernelTimeout, long maxUploadBytes,
                               int faultsBeforeSuspend) {

    public PluginHostConfig {
        Objects.requireNonNull(pluginsDir, "pluginsDir");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(kernelTimeout, "kernelTimeout");
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
        return new PluginHostConfig(pluginsDir, timeout, kernelTimeout, maxUploadBytes, faultsBeforeSuspend);
    }

    /** Where uploads are written before they are checked; hidden, inside the plugins folder (same file system). */
    public Path stagingDir() {
        return pluginsDir.resolve(".staging");
    }
}
