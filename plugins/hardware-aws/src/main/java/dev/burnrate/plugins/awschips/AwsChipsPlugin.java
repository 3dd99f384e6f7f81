package dev.burnrate.plugins.awschips;

import org.pf4j.Plugin;

/** The PF4J entry point; the plugin's work is done by its {@link AwsChipsCatalog} extension. */
public class AwsChipsPlugin extends Plugin {
}
