package dev.burnrate.engine.plugin;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the plugin host must remember across restarts to keep a plugin that hurt the portal from doing it again:
 * suspensions, and a marker written before a plugin's first calls (start, initialisation, the check calls) and
 * cleared after them. A marker still there at the next start means the process died during those calls, so that
 * plugin starts suspended instead. Writes must be durable when the method returns (the process may die right
 * after); the portal keeps them in its database.
 */
public interface PluginSafetyJournal {

    /** Why a plugin was suspended, if it still is. */
    Optional<String> suspension(String pluginId);

    void recordSuspension(String pluginId, String reason);

    /** When a start of the plugin began that never ended, if one did not. */
    Optional<Instant> unfinishedStart(String pluginId);

    void startBegins(String pluginId);

    void startEnded(String pluginId);

    /** Clears suspension and marker: an administrator enabled, disabled or uninstalled the plugin. */
    void forget(String pluginId);

    /** A journal that lives as long as the object: for tests and for hosts without a database. */
    static PluginSafetyJournal inMemory() {
        return new PluginSafetyJournal() {
            private final Map<String, String> suspensions = new ConcurrentHashMap<>();
            private final Map<String, Instant> starts = new ConcurrentHashMap<>();

            @Override
            public Optional<String> suspension(String pluginId) {
                return Optional.ofNullable(suspensions.get(pluginId));
            }

            @Override
            public void recordSuspension(String pluginId, String reason) {
                suspensions.put(pluginId, reason);
            }

            @Override
            public Optional<Instant> unfinishedStart(String pluginId) {
                return Optional.ofNullable(starts.get(pluginId));
            }

            @Override
            public void startBegins(String pluginId) {
                starts.put(pluginId, Instant.now());
            }

            @Override
            public void startEnded(String pluginId) {
                starts.remove(pluginId);
            }

            @Override
            public void forget(String pluginId) {
                suspensions.remove(pluginId);
                starts.remove(pluginId);
            }
        };
    }
}
