package dev.burnrate.plugins.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.plugins.testkit.CloudProviderConformanceTest;
import org.junit.jupiter.api.Test;

/** The testkit's conformance suite, plus what is particular to this plugin. */
class SampleCloudProviderTest extends CloudProviderConformanceTest {

    @Override
    protected CloudProvider createProvider() {
        return new SampleCloudProvider();
    }

    @Test
    void offersEveryMachineTypeInBothRegions() {
        assertEquals(6, provider.offerings().size());
        assertTrue(provider.offerings().stream().anyMatch(o -> "H100".equals(o.acceleratorName())));
    }
}
