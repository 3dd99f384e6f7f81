package dev.burnrate.plugins.aws;

import dev.burnrate.plugins.testkit.PluginJarConformanceTest;

/** The packaged jar has the PF4J manifest, an extension index and the bundled support classes. */
class PluginJarIT extends PluginJarConformanceTest {
}
