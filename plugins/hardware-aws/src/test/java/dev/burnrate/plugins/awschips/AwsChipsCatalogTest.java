package dev.burnrate.plugins.awschips;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsChipsCatalogTest {
    private final List<HardwareSpec> specs = new AwsChipsCatalog().specs();

    private HardwareSpec find(String name) {
        return specs.stream().filter(s -> s.matches(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no spec matches " + name));
    }

    @Test
    void coversTheNamesTheAwsCatalogUses() {
        for (String name : List.of("Trainium", "Trainium2", "Inferentia", "Inferentia2")) {
            assertThat(find(name).model()).isEqualTo(name);
        }
        assertThat(specs).hasSize(4).allSatisfy(s -> {
            assertThat(s.kind()).as("neither a GPU nor a Google TPU").isEqualTo(HardwareKind.ACCELERATOR);
            assertThat(s.vendor()).isEqualTo("AWS");
            assertThat(s.tdpWatts()).as("AWS publishes no TDP for its chips").isZero();
            assertThat(s.source()).contains("https://awsdocs-neuron.readthedocs-hosted.com/");
        });
    }

    @Test
    void usesTheNeuronDocsDenseFiguresPerChip() {
        HardwareSpec trainium2 = find("Trainium2");
        assertThat(trainium2.peak(Precision.BF16)).as("dense, not the 2,563 sparse").isEqualTo(667);
        assertThat(trainium2.peak(Precision.FP8)).isEqualTo(1299);
        assertThat(trainium2.memoryGb()).isEqualTo(96);
        assertThat(find("Trainium").peak(Precision.FP32)).isEqualTo(47.5);
        assertThat(find("Inferentia").memoryBandwidthGbs()).isEqualTo(50);
        assertThat(find("Inferentia").peak(Precision.FP32)).as("Inferentia 1 lists no FP32").isZero();
        assertThat(find("Inferentia2").peak(Precision.INT8)).isEqualTo(380);
    }
}
