package dev.burnrate.plugins.tpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

class TpuCatalogTest {
    private final List<HardwareSpec> specs = new TpuCatalog().specs();

    private HardwareSpec find(String name) {
        return specs.stream().filter(s -> s.matches(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no spec matches " + name));
    }

    @Test
    void matchesTheAcceleratorNamesOfGcpOfferingsPerChip() {
        assertThat(find("tpu-v6e").peak(Precision.BF16)).isEqualTo(918);
        assertThat(find("Trillium").model()).isEqualTo("tpu-v6e");
        assertThat(find("tpu-v5p").memoryGb()).isEqualTo(95);
        assertThat(find("v5litepod").model()).isEqualTo("tpu-v5e");
        assertThat(find("tpu-v3").peak(Precision.BF16)).isEqualTo(123);
        assertThat(find("tpu-v3").memoryBandwidthGbs()).isEqualTo(900);
        assertThat(find("tpu-v4").peak(Precision.INT8)).isEqualTo(275);
        assertThat(find("tpu-v4").memoryGb()).isEqualTo(32);
        assertThat(specs).hasSize(5).allSatisfy(s -> {
            assertThat(s.kind()).isEqualTo(HardwareKind.TPU);
            assertThat(s.tdpWatts()).as("Google publishes no TPU TDP").isZero();
        });
    }
}
