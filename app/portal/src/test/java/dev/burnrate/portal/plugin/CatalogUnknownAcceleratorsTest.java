package dev.burnrate.portal.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.ComplianceFacts;
import dev.burnrate.api.HardwareCatalog;
import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Offering;
import dev.burnrate.api.Precision;
import dev.burnrate.api.Prices;
import dev.burnrate.api.Region;
import dev.burnrate.engine.plugin.PluginExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Offerings whose accelerator name no hardware catalog knows are reported per plugin, not silently half-joined. */
class CatalogUnknownAcceleratorsTest {
    private static final Region EU = new Region("eu-1", "Frankfurt", "DE", "EU",
            new ComplianceFacts(true, true, true, true, true));

    private static final HardwareCatalog HARDWARE = new HardwareCatalog() {
        public String id() {
            return "hw";
        }

        public String displayName() {
            return "HW";
        }

        public List<HardwareSpec> specs() {
            return List.of(new HardwareSpec("H100", List.of("H100-SXM"), HardwareKind.GPU, "NVIDIA", 80, 3350,
                    Map.of(Precision.BF16, 1000.0), 700, 0, "https://x"));
        }
    };

    @Test
    void namesNoHardwareCatalogKnowsAreListedWithTheirInstanceTypes() {
        CatalogSnapshot snapshot = CatalogSnapshot.build(1, List.of(
                new PluginExtension<>("p-a", new CatalogSnapshotTest.Cloud("a", List.of(EU), List.of(
                        offering("a", "known", "h100-sxm"),
                        offering("a", "typo-1", "H-100"),
                        offering("a", "typo-2", "H-100"),
                        offering("a", "future", "X9000"),
                        offering("a", "cpu", null)))),
                new PluginExtension<>("p-b", new CatalogSnapshotTest.Cloud("b", List.of(EU), List.of(
                        offering("b", "other", "Z1"))))),
                List.of(new PluginExtension<>("p-hw", HARDWARE)));

        assertThat(snapshot.unknownAccelerators("p-a")).containsExactly(
                Map.entry("H-100", List.of("typo-1", "typo-2")), Map.entry("X9000", List.of("future")));
        assertThat(snapshot.unknownAccelerators("p-b")).containsOnlyKeys("Z1");
        assertThat(snapshot.unknownAccelerators("p-hw")).isEmpty();
    }

    private static Offering offering(String cloud, String type, String gpu) {
        return new Offering(cloud, type, "eu-1", gpu, gpu == null ? 0 : 1, 8, 32, "Compute",
                new Prices(1.0, null, null, null, null));
    }
}
