package dev.burnrate.plugins.testkit;

import static dev.burnrate.plugins.testkit.FakeProvider.offering;
import static dev.burnrate.plugins.testkit.FakeProvider.region;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.Prices;
import dev.burnrate.api.StorageOffering;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderConformanceTest {

    @Test
    void aWellFormedProviderHasNoViolations() {
        var provider = new FakeProvider("fake", List.of(region("eu-1")),
                List.of(offering("fake", "eu-1", "small", new Prices(1.0, 0.3, 0.6, 0.4, "derived: test"))));
        assertThat(ProviderConformance.check(provider)).isEmpty();
    }

    @Test
    void reportsEveryBrokenRule() {
        var provider = new FakeProvider("Fake Cloud", List.of(region("eu-1"), region("eu-1")), List.of(
                offering("fake", "us-9", "small", new Prices(1.0, -0.5, null, null, null)),
                offering("other", "eu-1", "big", new Prices(1.0, null, 1.2, 0.9, null))));

        assertThat(ProviderConformance.check(provider)).extracting(Violation::rule).contains(
                "valid-id", "unique-region", "region-exists", "non-negative-price", "provider-id",
                "committed-source", "commitment-discount");
    }

    @Test
    void spotAboveOnDemandIsRealDataNotAViolation() {
        var provider = new FakeProvider("fake", List.of(region("eu-1")),
                List.of(offering("fake", "eu-1", "gpu", new Prices(27.29, 28.66, null, null, null))));
        assertThat(ProviderConformance.check(provider)).isEmpty();
    }

    @Test
    void storageOfferingsMustBeOwnInKnownRegionsUniqueAndPricedPerGb() {
        var provider = new FakeProvider("fake", List.of(region("eu-1")),
                List.of(offering("fake", "eu-1", "small", new Prices(1.0, null, null, null, null))),
                List.of(new StorageOffering("fake", "Standard", "eu-1", 0.02, "Fake Storage", true),
                        new StorageOffering("fake", "Standard", "eu-1", 0.02, "Fake Storage", true),
                        new StorageOffering("other", "Standard", "us-9", 23.0, " ", false)));
        assertThat(ProviderConformance.check(provider)).extracting(Violation::rule).containsExactlyInAnyOrder(
                "unique-storage-offering", "storage-provider", "storage-region", "storage-names", "storage-price");
    }
}
