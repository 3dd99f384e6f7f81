package dev.burnrate.portal.plugin;

import dev.burnrate.engine.plugin.PluginHost;
import dev.burnrate.engine.plugin.PluginHostConfig;
import dev.burnrate.portal.base.BurnrateProperties;
import dev.burnrate.portal.settings.SettingsService;
import java.time.Clock;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's plugin host as a Spring bean over {@code burnrate.plugins-dir}. It is started (and the built-in
 * plugins installed) by {@link PluginStartup}; Spring closes it at shutdown, stopping every plugin.
 */
@Configuration
class PluginHostConfiguration {
    private static final Logger log = LoggerFactory.getLogger(PluginHostConfiguration.class);

    @Bean(destroyMethod = "close")
    PluginHost pluginHost(BurnrateProperties properties, DSLContext dsl, SettingsService settings, Clock clock) {
        PluginHostConfig config = PluginHostConfig.defaults(properties.pluginsDir().toAbsolutePath().normalize());
        return new PluginHost(config,
                pluginId -> new PortalPluginContext(pluginId, settings, clock, new JooqPluginStateStore(dsl, clock, pluginId)),
                (pluginId, message, suspended) -> log.warn("Plugin {} {}: {}", pluginId,
                        suspended ? "suspended" : "failed a call", message));
    }
}
