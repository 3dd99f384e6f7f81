package dev.burnrate.portal.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.ComplianceFacts;
import dev.burnrate.api.HardwareCatalog;
import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Offering;
import dev.burnrate.api.Precision;
import dev.burnrate.api.Prices;
import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.Region;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.api.UsageRecord;
import dev.burnrate.engine.plugin.PluginCallException;
import dev.burnrate.engine.plugin.PluginExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Joining offerings to regions and hardware specs, filtering, sorting and the chart data. */
class CatalogSnapshotTest {

    static class Cloud implements CloudProvider {
        private final String id;
        private final List<Region> regions;
        private final List<Offering> offerings;

        Cloud(String id, List<Region> regions, List<Offering> offerings) {
            this.id = id;
            this.regions = regions;
            this.offerings = offerings;
        }

        public String id() {
            return id;
        }

        public List<Region> regions() {
            return regions;
        }

        public List<Offering> offerings() {
            return offerings;
        }

        public String displayName() {
            return id.toUpperCase();
        }

        public ResourceStatus provision(ProvisionRequest r) {
            throw new UnsupportedOperationException();
        }

        public ResourceStatus deprovision(String id) {
            throw new UnsupportedOperationException();
        }

        public ResourceStatus stop(String id) {
            throw new UnsupportedOperationException();
        }

        public ResourceStatus status(String id) {
            throw new UnsupportedOperationException();
        }

        public List<UsageRecord> meter(String id, Instant from, Instant to) {
            return List.of();
        }
    }

    private static final Region EU = new Region("eu-1", "Frankfurt", "DE", "EU",
            new ComplianceFacts(true, true, true, true, true));
    private static final Region US = new Region("us-1", "Virginia", "US", "US",
            new ComplianceFacts(false, false, true, true, true));

    private static Offering offering(String cloud, String region, String type, String gpu, int count, double price,
                                     Double spot) {
        return new Offering(cloud, type, region, gpu, count, 8, 32, "Compute", new Prices(price, spot, null, null, null));
    }

    private static final HardwareCatalog HARDWARE = new HardwareCatalog() {
        public String id() {
            return "hw";
        }

        public String displayName() {
            return "HW";
        }

        public List<HardwareSpec> specs() {
            return List.of(
                    new HardwareSpec("H100", List.of("H100-MEGA"), HardwareKind.GPU, "NVIDIA", 80, 3350,
                            Map.of(Precision.BF16, 1000.0), 700, 0, "https://x"),
                    new HardwareSpec("T4", List.of(), HardwareKind.GPU, "NVIDIA", 16, 320,
                            Map.of(Precision.FP16, 65.0), 70, 0, "https://x"),
                    new HardwareSpec("H100", List.of(), HardwareKind.CPU, "Fake", 0, 0, Map.of(), 0, 8, "https://x"));
        }
    };

    private final CatalogSnapshot snapshot = CatalogSnapshot.build(7, List.of(
            new PluginExtension<>("p-a", new Cloud("a", List.of(EU, US), List.of(
                    offering("a", "eu-1", "gpu8", "H100", 8, 80.0, 20.0),
                    offering("a", "us-1", "t4", "T4", 1, 0.5, null),
                    offering("a", "us-1", "cpu", null, 0, 0.1, 0.05),
                    offering("a", "nowhere", "lost", null, 0, 1, null)))),
            new PluginExtension<>("p-b", new Cloud("b", List.of(EU), List.of(
                    offering("b", "eu-1", "mega", "h100-mega", 8, 64.0, null))))),
            List.of(new PluginExtension<>("p-hw", HARDWARE)));

    @Test
    void joinsRegionFactsAndHardwareSpecs() {
        CatalogOffering gpu8 = find("a/eu-1/gpu8");
        assertThat(gpu8.pricePerAcceleratorHour()).isEqualTo(10.0);
        assertThat(gpu8.peakBf16Pflops()).isCloseTo(8.0, within(1e-9));
        assertThat(gpu8.pricePerBf16PflopHour()).isCloseTo(10.0, within(1e-9));
        assertThat(gpu8.jurisdiction()).isEqualTo("EU");
        assertThat(gpu8.hipaaEligible()).isTrue();

        CatalogOffering mega = find("b/eu-1/mega");
        assertThat(mega.hardwareModel()).as("aliases match case-insensitively").isEqualTo("H100");
        CatalogOffering t4 = find("a/us-1/t4");
        assertThat(t4.pricePerAcceleratorHour()).isEqualTo(0.5);
        assertThat(t4.pricePerBf16PflopHour()).as("T4 has no BF16").isNull();
        assertThat(find("a/us-1/cpu").pricePerAcceleratorHour()).isNull();
        assertThat(snapshot.offerings()).as("offerings in unknown regions are dropped").hasSize(4);
        assertThat(snapshot.spec("h100")).hasValueSatisfying(s -> assertThat(s.kind()).isEqualTo(HardwareKind.GPU));
    }

    @Test
    void filtersAndSortsWithMissingValuesLast() {
        var gpuInEu = new CatalogFilter(null, null, null, "EU", true, true);
        assertThat(snapshot.offerings().stream().filter(gpuInEu::matches)).extracting(CatalogOffering::key)
                .containsExactlyInAnyOrder("a/eu-1/gpu8", "b/eu-1/mega");
        var h100 = new CatalogFilter(null, null, "h100", null, false, false);
        assertThat(snapshot.offerings().stream().filter(h100::matches)).hasSize(2);

        var bySpot = snapshot.offerings().stream().sorted(CatalogSort.SPOT.comparator(true))
                .map(CatalogOffering::key).toList();
        assertThat(bySpot).containsExactly("a/us-1/cpu", "a/eu-1/gpu8", "a/us-1/t4", "b/eu-1/mega");
        var bySpotDesc = snapshot.offerings().stream().sorted(CatalogSort.SPOT.comparator(false))
                .map(CatalogOffering::key).toList();
        assertThat(bySpotDesc).startsWith("a/eu-1/gpu8", "a/us-1/cpu").endsWith("a/us-1/t4", "b/eu-1/mega");
    }

    @Test
    void summarisesEachProvider() {
        assertThat(snapshot.providers()).containsExactly(new ProviderSummary("p-a", "a", "A", 2, 4),
                new ProviderSummary("p-b", "b", "B", 1, 1));
        assertThat(snapshot.problems()).isEmpty();
    }

    private CatalogOffering find(String key) {
        return snapshot.offerings().stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void callExceptionsOfAProviderAreCollected() {
        CloudProvider broken = new Cloud("d", List.of(), List.of()) {
            @Override
            public List<Region> regions() {
                throw new PluginCallException("p-d", "plugin p-d: regions() did not answer within 10000 ms", null);
            }
        };
        var s = CatalogSnapshot.build(1, List.of(new PluginExtension<>("p-d", broken)), List.of());
        assertThat(s.problems()).containsExactly("plugin p-d: regions() did not answer within 10000 ms");
        assertThat(s.providers()).isEmpty();
    }
}
