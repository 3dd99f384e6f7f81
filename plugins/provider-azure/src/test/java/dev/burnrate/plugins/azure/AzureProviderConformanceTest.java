package dev.burnrate.plugins.azure;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.plugins.testkit.CloudProviderConformanceTest;

class AzureProviderConformanceTest extends CloudProviderConformanceTest {
    @Override
    protected CloudProvider createProvider() {
        return new AzureProvider();
    }
}
