package dev.burnrate.api;

import org.pf4j.ExtensionPoint;

/**
 * The root of every Burnrate extension point. The host calls {@link #init(PluginContext)} once, right after it
 * creates the extension and before any other call.
 */
public interface BurnrateExtension extends ExtensionPoint {

    /** A stable, lower-case id such as {@code aws} or {@code nvidia}: letters, digits and dashes. */
    String id();

    /** A human-readable name for the UI. */
    String displayName();

    default void init(PluginContext context) {
    }
}
