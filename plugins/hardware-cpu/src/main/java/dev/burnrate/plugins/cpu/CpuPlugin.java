package dev.burnrate.plugins.cpu;

import org.pf4j.Plugin;

/** The PF4J entry point; the plugin's work is done by its {@link CpuCatalog} extension. */
public class CpuPlugin extends Plugin {
}
