package dev.burnrate.plugins.aws;

import org.pf4j.Plugin;

/** The PF4J entry point; the plugin's work is done by its {@link AwsProvider} extension. */
public class AwsPlugin extends Plugin {
}
