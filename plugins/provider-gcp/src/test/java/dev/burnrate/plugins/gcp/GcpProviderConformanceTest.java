package dev.burnrate.plugins.gcp;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.plugins.testkit.CloudProviderConformanceTest;

class GcpProviderConformanceTest extends CloudProviderConformanceTest {
    @Override
    protected CloudProvider createProvider() {
        return new GcpProvider();
    }
}
