package dev.burnrate.engine.plugin;

/** A started plugin's extensions could not be created or initialised; the plugin is marked failed. */
final class PluginActivationException extends Exception {
    PluginActivationException(String message, Throwable cause) {
        super(message, cause);
    }
}
