package dev.burnrate.plugins.testkit;

import dev.burnrate.api.PluginStateStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A {@link PluginStateStore} in memory, with the same contract as the portal's database-backed one. */
public final class InMemoryPluginStateStore implements PluginStateStore {
    private final NavigableMap<String, String> entries = new ConcurrentSkipListMap<>();

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(entries.get(Objects.requireNonNull(key, "key")));
    }

    @Override
    public void put(String key, String value) {
        entries.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    @Override
    public void delete(String key) {
        entries.remove(Objects.requireNonNull(key, "key"));
    }

    @Override
    public Map<String, String> list(String prefix) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : entries.tailMap(prefix, true).entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                break;
            }
            result.put(entry.getKey(), entry.getValue());
        }
        return result;
    }

    /** How many entries the store holds, for assertions such as "a retry created nothing new". */
    public int size() {
        return entries.size();
    }
}
