package dev.burnrate.engine.plugin;

/** A plugin's state as the portal shows it. */
public enum HostPluginState {
    /** Running; its extensions answer calls. */
    STARTED,
    /** Turned off by an administrator; stays off across restarts. */
    DISABLED,
    /** Could not be loaded or started, or an extension failed to initialise; see the error. */
    FAILED,
    /** Cut off after it hung or failed repeatedly; enabling it again gives it a fresh start. */
    SUSPENDED,
    /** Loaded but not running (e.g. while the host shuts down). */
    STOPPED
}
