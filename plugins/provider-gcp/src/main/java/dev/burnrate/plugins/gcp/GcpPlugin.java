package dev.burnrate.plugins.gcp;

import org.pf4j.Plugin;

/** The PF4J entry point; the plugin's work is done by its {@link GcpProvider} extension. */
public class GcpPlugin extends Plugin {
}
