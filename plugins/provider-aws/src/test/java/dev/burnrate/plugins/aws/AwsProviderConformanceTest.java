package dev.burnrate.plugins.aws;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.plugins.testkit.CloudProviderConformanceTest;
import java.util.Set;

class AwsProviderConformanceTest extends CloudProviderConformanceTest {
    /**
     * Accelerators the catalog sells that no built-in hardware plugin describes, because no public datasheet gives
     * figures we could cite (or, for FPGAs, there are no FLOP/s to give). The admin page lists their offerings as
     * unknown to the hardware catalogs; simulations skip them.
     */
    static final Set<String> WITHOUT_HARDWARE_SPECS = Set.of("Gaudi HL-205", "RTXPRO6000", "Radeon Pro V520",
            "Virtex UltraScale (VU9P)", "Virtex UltraScale+ (VU47P)");

    @Override
    protected CloudProvider createProvider() {
        return new AwsProvider();
    }

    @Override
    protected Set<String> additionalAcceleratorNames() {
        return WITHOUT_HARDWARE_SPECS;
    }
}
