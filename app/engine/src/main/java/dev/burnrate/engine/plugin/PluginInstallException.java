package dev.burnrate.engine.plugin;

/** An install failed; nothing of it was left behind. The message is meant for the administrator. */
public class PluginInstallException extends Exception {
    public PluginInstallException(String message) {
        super(message);
    }

    public PluginInstallException(String message, Throwable cause) {
        super(message, cause);
    }
}
