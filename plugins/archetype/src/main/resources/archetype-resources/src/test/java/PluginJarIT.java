package ${package};

import dev.burnrate.plugins.testkit.PluginJarConformanceTest;

/**
 * The packaged jar passes the portal's own upload check (manifest, API range, extension index, nothing bundled
 * that the portal provides). Failsafe runs it after package; the SDK parent passes plugin.jar and plugin.id.
 */
class PluginJarIT extends PluginJarConformanceTest {
}
