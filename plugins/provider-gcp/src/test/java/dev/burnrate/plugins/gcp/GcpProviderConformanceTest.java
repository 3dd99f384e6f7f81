package dev.burnrate.plugins.gcp;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.plugins.testkit.CloudProviderConformanceTest;
import java.util.Set;

class GcpProviderConformanceTest extends CloudProviderConformanceTest {
    /**
     * Accelerators the catalog sells that no built-in hardware plugin describes, because no public datasheet gives
     * figures we could cite (or, for FPGAs, there are no FLOP/s to give). The admin page lists their offerings as
     * unknown to the hardware catalogs; simulations skip them.
     */
    static final Set<String> WITHOUT_HARDWARE_SPECS = Set.of("tpu-v2");

    @Override
    protected CloudProvider createProvider() {
        return new GcpProvider();
    }

    @Override
    protected Set<String> additionalAcceleratorNames() {
        return WITHOUT_HARDWARE_SPECS;
    }
}
