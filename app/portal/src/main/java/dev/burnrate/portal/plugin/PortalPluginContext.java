package dev.burnrate.portal.plugin;

import dev.burnrate.api.PluginContext;
import dev.burnrate.api.PluginStateStore;
import java.time.Clock;
import java.util.Optional;

/**
 * What the portal lends one plugin: its settings (portal settings named {@code plugin.<id>.<key>}; secrets decrypted
 * from {@code plugin_secrets}, see {@link PluginSettingReader}), a logger named after it, the portal's clock and its
 * slice of the {@code plugin_state} table.
 */
final class PortalPluginContext implements PluginContext {
    private final String pluginId;
    private final PluginSettingReader settings;
    private final Clock clock;
    private final PluginStateStore store;
    private final System.Logger logger;

    PortalPluginContext(String pluginId, PluginSettingReader settings, Clock clock, PluginStateStore store) {
        this.pluginId = pluginId;
        this.settings = settings;
        this.clock = clock;
        this.store = store;
        this.logger = System.getLogger("burnrate.plugin." + pluginId);
    }

    /** The portal setting that holds a plugin setting. */
    static String settingKey(String pluginId, String key) {
        return PluginSettingReader.settingKey(pluginId, key);
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public Optional<String> setting(String key) {
        return settings.read(pluginId, key);
    }

    @Override
    public System.Logger logger() {
        return logger;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public PluginStateStore store() {
        return store;
    }
}
