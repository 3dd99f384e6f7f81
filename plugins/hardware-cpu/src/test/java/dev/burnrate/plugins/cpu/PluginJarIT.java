package dev.burnrate.plugins.cpu;

import dev.burnrate.plugins.testkit.PluginJarConformanceTest;

class PluginJarIT extends PluginJarConformanceTest {
}
