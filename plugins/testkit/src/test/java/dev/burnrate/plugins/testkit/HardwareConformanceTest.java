package dev.burnrate.plugins.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.HardwareCatalog;
import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Precision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HardwareConformanceTest {

    private static HardwareCatalog catalog(HardwareSpec... specs) {
        return new HardwareCatalog() {
            public String id() {
                return "fake-hw";
            }

            public String displayName() {
                return "Fake hardware";
            }

            public List<HardwareSpec> specs() {
                return List.of(specs);
            }
        };
    }

    private static HardwareSpec gpu(String model, List<String> aliases, double bf16, String source) {
        return new HardwareSpec(model, aliases, HardwareKind.GPU, "NVIDIA", 80, 3350,
                Map.of(Precision.BF16, bf16), 700, 0, source);
    }

    @Test
    void acceptsDatasheetFigures() {
        assertThat(HardwareConformance.check(catalog(gpu("H100", List.of("H100-80GB"), 989.4,
                "NVIDIA H100 datasheet https://www.nvidia.com/h100")))).isEmpty();
    }

    @Test
    void catchesUnitMistakesClashingNamesAndMissingSources() {
        var violations = HardwareConformance.check(catalog(
                gpu("H100", List.of("Hopper"), 989_400, "https://example.com"),
                gpu("H200", List.of("hopper"), 989.4, "")));
        assertThat(violations).extracting(Violation::rule).contains("sane-peak", "unique-name", "cites-source");
    }
}
