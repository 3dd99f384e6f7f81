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

    /** A setting configured by an administrator for this plugin, e.g. an API endpoint. Secrets arrive decrypted. */
    Optional<String> setting(String key);

    /** A logger named after the plugin; never log secrets through it. */
    System.Logger logger();

    /** The portal's clock; use it instead of {@code Instant.now()} so tests and simulations can control time. */
    Clock clock();

    /** Durable key-value storage owned by the portal (its database), scoped to this plugin. */
    PluginStateStore store();
}
