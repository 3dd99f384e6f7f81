package dev.burnrate.engine.plugin;

import dev.burnrate.api.PluginContext;

/** Makes the {@link PluginContext} each plugin gets (settings, logger, clock, state store); the portal owns it. */
@FunctionalInterface
public interface PluginContextFactory {
    PluginContext contextFor(String pluginId);
}
