package dev.burnrate.plugins.tpu;

import dev.burnrate.plugins.testkit.PluginJarConformanceTest;

class PluginJarIT extends PluginJarConformanceTest {
}
