package dev.burnrate.plugins.aws;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.plugins.testkit.CloudProviderConformanceTest;

class AwsProviderConformanceTest extends CloudProviderConformanceTest {
    @Override
    protected CloudProvider createProvider() {
        return new AwsProvider();
    }
}
