package dev.burnrate.plugins.azure;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.plugins.testkit.CloudProviderConformanceTest;
import java.util.Set;

class AzureProviderConformanceTest extends CloudProviderConformanceTest {
    /**
     * Accelerators the catalog sells that no built-in hardware plugin describes, because no public datasheet gives
     * figures we could cite (or, for FPGAs, there are no FLOP/s to give). The admin page lists their offerings as
     * unknown to the hardware catalogs; simulations skip them.
     */
    static final Set<String> WITHOUT_HARDWARE_SPECS = Set.of("M60", "Radeon MI25");

    @Override
    protected CloudProvider createProvider() {
        return new AzureProvider();
    }

    @Override
    protected Set<String> additionalAcceleratorNames() {
        return WITHOUT_HARDWARE_SPECS;
    }
}
