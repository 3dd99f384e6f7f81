package dev.burnrate.plugins.support.provider;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.plugins.testkit.CloudProviderConformanceTest;

/** The shared provider base passes the same suite third-party plugins run. */
class CatalogCloudProviderConformanceTest extends CloudProviderConformanceTest {
    @Override
    protected CloudProvider createProvider() {
        return new TestCatalogProvider();
    }
}
