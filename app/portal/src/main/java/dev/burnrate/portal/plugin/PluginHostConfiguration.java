package dev.burnrate.portal.plugin;

import dev.burnrate.engine.plugin.PluginHost;
import dev.burnrate.engine.plugin.PluginHostConfig;
import dev.burnrate.engine.plugin.PluginSafety;
import dev.burnrate.portal.base.BurnrateProperties;
import dev.burnrate.portal.base.ProviderTimeouts;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The engine's plugin host as a Spring bean over {@code burnrate.plugins-dir}. It is started (and the built-in
 * plugins installed) by {@link PluginStartup}; Spring closes it at shutdown, stopping every plugin. The built-in
 * plugins' digests are trusted (allow-list, safe mode); suspensions and start markers live in the database.
 */
@Configuration
class PluginHostConfiguration {
    private static final Logger log = LoggerFactory.getLogger(PluginHostConfiguration.class);

    @Bean(destroyMethod = "close")
    PluginHost pluginHost(BurnrateProperties properties, PluginSafetyProperties safetyProperties, DSLContext dsl,
                          PluginSettingReader settings, Clock clock, BuiltinPlugins builtins,
                          PluginFaultNotifier faults, PlatformTransactionManager transactions,
                          ProviderTimeouts timeouts,
                          @Value("${burnrate.plugins.breaker-cool-down:5m}") Duration breakerCoolDown,
                          @Value("${burnrate.usage-sources.fetch-timeout:5m}") Duration fetchUsageTimeout) {
        // provider calls that legitimately take minutes get the provisioning limits instead of the default
        PluginHostConfig config = PluginHostConfig.defaults(properties.pluginsDir().toAbsolutePath().normalize())
                .withCallTimeout(safetyProperties.callTimeout())
                .withMethodTimeouts(methodTimeouts(timeouts, fetchUsageTimeout)).withBreakerCoolDown(breakerCoolDown);
        PluginSafety safety = PluginSafety.defaults()
                .withJournal(new JooqPluginSafetyJournal(dsl, clock, transactions))
                .withBuiltins(digests(builtins))
                .withAllowList(Set.copyOf(safetyProperties.allowedSha256()))
                .withSafeMode(safetyProperties.safeMode());
        if (safety.safeMode()) {
            log.warn("Safe mode (burnrate.plugins.safe-mode): only the built-in plugins are loaded");
        }
        if (!safety.allowedSha256().isEmpty()) {
            log.info("Plugin allow-list: {} digests besides the built-in plugins", safety.allowedSha256().size());
        }
        return new PluginHost(config, pluginId -> new PortalPluginContext(pluginId, settings, clock,
                new JooqPluginStateStore(dsl, clock, pluginId)), faults, safety);
    }

    /** Usage sources read whole exports: {@code fetchUsage} gets its own, longer limit. */
    private static Map<String, Duration> methodTimeouts(ProviderTimeouts timeouts, Duration fetchUsage) {
        Map<String, Duration> byMethod = new HashMap<>(timeouts.byMethod());
        byMethod.put("fetchUsage", fetchUsage);
        return byMethod;
    }

        private static Set<String> digests(BuiltinPlugins builtins) {
        Set<String> digests = new HashSet<>();
        for (BuiltinPlugins.Builtin builtin : builtins.list()) {
            try {
                digests.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(builtin.content())));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return digests;
    }
}
