package dev.burnrate.portal.compute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Precision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasheetPeaksTest {

    private static HardwareSpec spec(String model, String... aliases) {
        return new HardwareSpec(model, List.of(aliases), HardwareKind.GPU, "NVIDIA", 80, 3000,
                Map.of(Precision.FP32, 60.0), 700, 0, "datasheet");
    }

    private final List<HardwareSpec> specs = List.of(spec("A10"), spec("A100", "A100-40GB"), spec("A100-80GB"),
            spec("H200", "H200-141GB"));

    @Test
    void matchesWholeModelNamesAndPrefersTheLongest() {
        assertThat(DatasheetPeaks.match("NVIDIA H200", specs)).map(HardwareSpec::model).hasValue("H200");
        assertThat(DatasheetPeaks.match("NVIDIA A100-80GB PCIe", specs)).map(HardwareSpec::model)
                .hasValue("A100-80GB");
        assertThat(DatasheetPeaks.match("NVIDIA A100-SXM4-40GB", specs)).map(HardwareSpec::model).hasValue("A100");
        assertThat(DatasheetPeaks.match("NVIDIA A10", specs)).map(HardwareSpec::model).hasValue("A10");
        assertThat(DatasheetPeaks.match("pthread-skylake-avx512-AMD EPYC", specs)).isEmpty();
    }
}
