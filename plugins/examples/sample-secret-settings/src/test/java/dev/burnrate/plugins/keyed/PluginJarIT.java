package dev.burnrate.plugins.keyed;

import dev.burnrate.plugins.testkit.PluginJarConformanceTest;

/** The packaged jar is what the portal's upload accepts. */
class PluginJarIT extends PluginJarConformanceTest {
}
