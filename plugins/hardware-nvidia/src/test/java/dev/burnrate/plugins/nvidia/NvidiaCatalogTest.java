package dev.burnrate.plugins.nvidia;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

class NvidiaCatalogTest {
    private final List<HardwareSpec> specs = new NvidiaCatalog().specs();

    private HardwareSpec find(String name) {
        return specs.stream().filter(s -> s.matches(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no spec matches " + name));
    }

    @Test
    void coversEveryNvidiaNameTheBuiltInCatalogsUse() {
        // As named by the AWS, GCP and Azure catalogs (after the plugins' normalisation).
        for (String name : List.of("A10G", "A100-80GB", "H100", "A100", "T4", "V100", "V100-32GB", "A10", "L4",
                "H200", "B200", "H100-MEGA")) {
            assertThat(find(name)).isNotNull();
        }
        assertThat(specs).extracting(HardwareSpec::model).contains("T4", "L4", "A10G", "V100", "A100", "A100-80GB",
                "H100", "H200", "B200");
    }

    @Test
    void usesDenseDatasheetFigures() {
        HardwareSpec h100 = find("h100-sxm");
        assertThat(h100.peak(Precision.BF16)).isEqualTo(989.5);
        assertThat(h100.peak(Precision.FP8)).isEqualTo(1979);
        assertThat(h100.memoryGb()).isEqualTo(80);
        assertThat(find("A100").memoryGb()).isEqualTo(40);
        assertThat(find("A100-80GB").memoryBandwidthGbs()).isEqualTo(2039);
        assertThat(find("T4").peak(Precision.BF16)).as("Turing has no BF16").isZero();
        assertThat(specs).allSatisfy(s -> assertThat(s.source()).contains("https://"));
    }
}
