package dev.burnrate.plugins.azure;

import org.pf4j.Plugin;

/** The PF4J entry point; the plugin's work is done by its {@link AzureProvider} extension. */
public class AzurePlugin extends Plugin {
}
