package dev.burnrate.plugins.sample;

import org.pf4j.Plugin;

/** The PF4J entry point. Keep it empty: the host talks to the {@link SampleCloudProvider} extension. */
public class SamplePlugin extends Plugin {
}
