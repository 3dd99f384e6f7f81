package dev.burnrate.plugins.azure;

import dev.burnrate.plugins.testkit.PluginJarConformanceTest;

class PluginJarIT extends PluginJarConformanceTest {
}
