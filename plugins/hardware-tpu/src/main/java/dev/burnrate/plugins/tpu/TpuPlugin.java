package dev.burnrate.plugins.tpu;

import org.pf4j.Plugin;

/** The PF4J entry point; the plugin's work is done by its {@link TpuCatalog} extension. */
public class TpuPlugin extends Plugin {
}
