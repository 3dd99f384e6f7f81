package dev.burnrate.plugins.opencl;

import org.pf4j.Plugin;

/** The PF4J plugin holding {@link OpenClBackend}. Device resources are owned by the backend, not the plugin. */
public class OpenClPlugin extends Plugin {
}
