package dev.burnrate.engine.plugin;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which plugin archives the host admits and how it starts them.
 *
 * @param allowedSha256 when not empty, only archives with one of these SHA-256 digests (hex) load, besides the
 *                      built-ins; everything else is refused at upload and at start
 * @param builtinSha256 digests of the plugins shipped with the portal: trusted, and the only ones safe mode loads
 * @param safeMode      load only the built-in plugins (to get a portal back that an uploaded plugin breaks)
 * @param smokeCalls    call each extension's cheap methods (display names, a provider's regions and
 *                      offerings, a catalog's specs) under the time limit before a plugin counts as started;
 *                      off only for tests of what the guard does to calls after the start
 * @param journal       suspensions and start markers that outlive the process
 */
public record PluginSafety(Set<String> allowedSha256, Set<String> builtinSha256, boolean safeMode, boolean smokeCalls,
                           PluginSafetyJournal journal) {

    public PluginSafety {
        allowedSha256 = normalise(allowedSha256);
        builtinSha256 = normalise(builtinSha256);
        Objects.requireNonNull(journal, "journal");
    }

    /** Every archive admitted, check calls on, suspensions kept in memory only. */
    public static PluginSafety defaults() {
        return new PluginSafety(Set.of(), Set.of(), false, true, PluginSafetyJournal.inMemory());
    }

    public PluginSafety withAllowList(Set<String> digests) {
        return new PluginSafety(digests, builtinSha256, safeMode, smokeCalls, journal);
    }

    public PluginSafety withBuiltins(Set<String> digests) {
        return new PluginSafety(allowedSha256, digests, safeMode, smokeCalls, journal);
    }

    public PluginSafety withSafeMode(boolean on) {
        return new PluginSafety(allowedSha256, builtinSha256, on, smokeCalls, journal);
    }

    public PluginSafety withoutSmokeCalls() {
        return new PluginSafety(allowedSha256, builtinSha256, safeMode, false, journal);
    }

    public PluginSafety withJournal(PluginSafetyJournal other) {
        return new PluginSafety(allowedSha256, builtinSha256, safeMode, smokeCalls, other);
    }

    boolean builtin(String sha256) {
        return sha256 != null && builtinSha256.contains(sha256.toLowerCase(Locale.ROOT));
    }

    /** Why an archive with this digest may not load, or {@code null} when it may. */
    String refusal(String sha256) {
        if (allowedSha256.isEmpty() || builtin(sha256)
                || (sha256 != null && allowedSha256.contains(sha256.toLowerCase(Locale.ROOT)))) {
            return null;
        }
        return "its SHA-256 " + sha256 + " is not on this portal's allow-list of plugin digests; an administrator "
                + "of the server must add it before the plugin can load";
    }

    /** Whether safe mode keeps this archive from loading. */
    boolean skippedInSafeMode(String sha256) {
        return safeMode && !builtin(sha256);
    }

    private static Set<String> normalise(Set<String> digests) {
        return digests == null ? Set.of() : digests.stream().map(String::strip).filter(d -> !d.isEmpty())
                .map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
