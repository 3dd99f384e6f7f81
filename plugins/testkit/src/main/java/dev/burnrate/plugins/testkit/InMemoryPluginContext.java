package dev.burnrate.plugins.testkit;

import dev.burnrate.api.PluginContext;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link PluginContext} for tests: settings in a map, a {@link MutableClock} and an {@link InMemoryPluginStateStore}.
 */
public final class InMemoryPluginContext implements PluginContext {
    /** A fixed, round start time so metered hours line up with clock hours in assertions. */
    public static final Instant DEFAULT_START = Instant.parse("2025-01-06T09:00:00Z");

    private final String pluginId;
    private final Map<String, String> settings = new ConcurrentHashMap<>();
    private final MutableClock clock;
    private final InMemoryPluginStateStore store = new InMemoryPluginStateStore();

    public InMemoryPluginContext(String pluginId) {
        this(pluginId, DEFAULT_START);
    }

    public InMemoryPluginContext(String pluginId, Instant start) {
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
        this.clock = new MutableClock(start);
    }

    public InMemoryPluginContext withSetting(String key, String value) {
        settings.put(key, value);
        return this;
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    @Override
    public System.Logger logger() {
        return System.getLogger("burnrate.plugin." + pluginId);
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Override
    public InMemoryPluginStateStore store() {
        return store;
    }
}
