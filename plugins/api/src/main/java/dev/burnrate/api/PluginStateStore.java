package dev.burnrate.api;

import java.util.Map;
import java.util.Optional;

/**
 * Durable string storage that the portal keeps for a plugin, e.g. the sandbox provisioner's resources. Values are
 * opaque to the portal. Writes are atomic per key.
 */
public interface PluginStateStore {

    Optional<String> get(String key);

    void put(String key, String value);

    void delete(String key);

    /** Every entry whose key starts with {@code prefix}, ordered by key. */
    Map<String, String> list(String prefix);
}
