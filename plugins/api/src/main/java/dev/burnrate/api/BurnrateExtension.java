package dev.burnrate.api;

import java.util.List;
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

    /**
     * The settings this extension reads through {@link PluginContext#setting(String)}; the portal renders a form
     * from them on Admin &gt; Plugins, checks values by type, lists missing required ones and encrypts secrets.
     * The settings of all extensions of one plugin share one namespace (the plugin's): extensions that read the
     * same key should declare it alike. Called on a started extension, after {@link #init}; keep it cheap and
     * constant. None by default. Since API 1.3.0.
     */
    default List<PluginSetting> settings() {
        return List.of();
    }
}
