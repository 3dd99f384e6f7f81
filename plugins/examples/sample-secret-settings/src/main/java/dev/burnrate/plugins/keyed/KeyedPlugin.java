package dev.burnrate.plugins.keyed;

import org.pf4j.Plugin;

/** The PF4J entry point. Keep it empty: the host talks to the {@link KeyedCloudProvider} extension. */
public class KeyedPlugin extends Plugin {
}
