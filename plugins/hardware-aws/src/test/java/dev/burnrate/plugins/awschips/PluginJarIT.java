package dev.burnrate.plugins.awschips;

import dev.burnrate.plugins.testkit.PluginJarConformanceTest;

class PluginJarIT extends PluginJarConformanceTest {
}
