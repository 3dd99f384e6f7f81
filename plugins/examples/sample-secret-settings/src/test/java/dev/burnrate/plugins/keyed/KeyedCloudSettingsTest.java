package dev.burnrate.plugins.keyed;

import dev.burnrate.api.BurnrateExtension;
import dev.burnrate.plugins.testkit.PluginSettingsConformanceTest;
import java.util.List;
import java.util.Map;

/** The testkit's settings checks: declarations valid, and the plugin installs before its key is set. */
class KeyedCloudSettingsTest extends PluginSettingsConformanceTest {

    @Override
    protected List<BurnrateExtension> createExtensions() {
        return List.of(new KeyedCloudProvider());
    }

    @Override
    protected Map<String, String> validSettings() {
        return Map.of("api-key", "kc-test-key", "max-instances", "8");
    }
}
