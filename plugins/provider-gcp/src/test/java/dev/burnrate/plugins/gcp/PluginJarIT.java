package dev.burnrate.plugins.gcp;

import dev.burnrate.plugins.testkit.PluginJarConformanceTest;

class PluginJarIT extends PluginJarConformanceTest {
}
