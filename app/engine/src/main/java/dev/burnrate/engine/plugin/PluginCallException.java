package dev.burnrate.engine.plugin;

/**
 * A call into a plugin failed in a way the plugin did not declare: it threw an unexpected exception, did not
 * answer in time, or the plugin is suspended. Callers show the message and carry on without the plugin.
 */
public class PluginCallException extends RuntimeException {
    private final String pluginId;

    public PluginCallException(String pluginId, String message, Throwable cause) {
        super(message, cause);
        this.pluginId = pluginId;
    }

    public String pluginId() {
        return pluginId;
    }
}
