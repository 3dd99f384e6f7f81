package dev.burnrate.portal.plugin;

import dev.burnrate.engine.plugin.PluginHost;
import dev.burnrate.engine.plugin.PluginHostConfig;
import dev.burnrate.portal.base.BurnrateProperties;
import dev.burnrate.portal.base.ProviderTimeouts;
import dev.burnrate.portal.settings.SettingsService;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
    PluginHost pluginHost(BurnrateProperties properties, DSLContext dsl, SettingsService settings, Clock clock,
                          ProviderTimeouts timeouts,
                          @Value("${burnrate.plugins.breaker-cool-down:5m}") Duration breakerCoolDown) {
        // provider calls that legitimately take minutes get the provisioning limits instead of the 10 s default
        PluginHostConfig config = PluginHostConfig.defaults(properties.pluginsDir().toAbsolutePath().normalize())
                .withMethodTimeouts(timeouts.byMethod()).withBreakerCoolDown(breakerCoolDown);
        return new PluginHost(config,
                pluginId -> new PortalPluginContext(pluginId, settings, clock, new JooqPluginStateStore(dsl, clock, pluginId)),
                (pluginId, message, suspended) -> log.warn("Plugin {} {}: {}", pluginId,
                        suspended ? "suspended" : "failed a call", message));
    }
}
