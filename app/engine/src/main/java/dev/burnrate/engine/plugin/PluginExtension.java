package dev.burnrate.engine.plugin;

/**
 * An extension and the plugin it comes from. The extension is a guarded proxy: calls time out and faults are
 * reported as {@link PluginCallException}.
 */
public record PluginExtension<T>(String pluginId, T extension) {
}
