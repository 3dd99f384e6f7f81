package dev.burnrate.plugins.azure;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.plugins.testkit.CloudProviderConformanceTest;
import java.util.Set;

class AzureProviderConformanceTest extends CloudProviderConformanceTest {
    @Override
    protected CloudProvider createProvider() {
        return new AzureProvider();
    }

    /**
     * Retired GPUs (NC: K80, NV v3: M60, NV v4: Radeon MI25) that no built-in hardware catalog has specs for: Azure
     * still sells them, so they stay in the catalog without a model; the portal's admin page lists them as unknown
     * accelerators and simulations skip those offerings. Only these: any other unknown name still fails.
     */
    @Override
    protected Set<String> additionalAcceleratorNames() {
        return Set.of("K80", "M60", "Radeon MI25");
    }
}
