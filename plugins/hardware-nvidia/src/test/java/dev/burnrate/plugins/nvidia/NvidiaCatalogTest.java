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
                "H200", "B200", "H100-MEGA", "T4g", "L40S", "B300", "P100", "P4", "K80")) {
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

    @Test
    void newerAndOlderCatalogGpusCarryTheirDatasheetFigures() {
        HardwareSpec l40s = find("L40S");
        assertThat(l40s.peak(Precision.BF16)).as("dense, not the with-sparsity 733").isEqualTo(362.05);
        assertThat(l40s.memoryGb()).isEqualTo(48);
        HardwareSpec b300 = find("B300");
        assertThat(b300.memoryGb()).isEqualTo(288);
        assertThat(b300.peak(Precision.FP8)).isEqualTo(4500);
        assertThat(b300.peak(Precision.FP64)).as("Blackwell Ultra dropped most FP64").isEqualTo(1.25);
        assertThat(find("T4g").peak(Precision.FP16)).isEqualTo(find("T4").peak(Precision.FP16));
        assertThat(find("K80").memoryGb()).as("one GK210, half a K80 board, as Azure counts it").isEqualTo(12);
        assertThat(find("P100").peak(Precision.FP64)).isEqualTo(4.7);
        assertThat(find("P4").peak(Precision.INT8)).isEqualTo(22);
    }
}
