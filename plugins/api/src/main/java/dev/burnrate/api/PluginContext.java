package dev.burnrate.api;

import java.time.Clock;
import java.util.Optional;

/**
 * What the portal lends a plugin: its settings, a logger, a clock and a small persistent store. Plugins never see
 * portal internals (database, Spring beans, UI); everything they need comes through here.
 */
public interface PluginContext {

    /** The id of the plugin this context belongs to. */
    String pluginId();

    /**
     * A setting an administrator configured for this plugin on Admin &gt; Plugins, e.g. an API endpoint; empty when
     * none is stored (apply your declared default yourself). A {@link PluginSetting.Type#SECRET} setting arrives
     * decrypted here, and only here: the portal stores it encrypted, never shows it again, never logs or audits it.
     * Do not log it either, nor put it in exceptions or in anything the plugin returns. Settings are read when
     * called; saving them on the admin page restarts the plugin, so values read in {@link BurnrateExtension#init}
     * are fresh too.
     */
    Optional<String> setting(String key);

    /** A logger named after the plugin; never log secrets through it. */
    System.Logger logger();

    /** The portal's clock; use it instead of {@code Instant.now()} so tests and simulations can control time. */
    Clock clock();

    /** Durable key-value storage owned by the portal (its database), scoped to this plugin. */
    PluginStateStore store();
}
