package dev.burnrate.plugins.nvidia;

import org.pf4j.Plugin;

/** The PF4J entry point; the plugin's work is done by its {@link NvidiaCatalog} extension. */
public class NvidiaPlugin extends Plugin {
}
