package dev.burnrate.plugins.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuCatalogTest {
    private final List<HardwareSpec> specs = new CpuCatalog().specs();

    private HardwareSpec find(String name) {
        return specs.stream().filter(s -> s.matches(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no spec matches " + name));
    }

    @Test
    void listsX86AndArmServerCpus() {
        assertThat(specs).allSatisfy(s -> assertThat(s.kind()).isEqualTo(HardwareKind.CPU));
        assertThat(specs).extracting(HardwareSpec::vendor).contains("Intel", "AMD", "AWS");
        assertThat(find("Graviton3").cores()).isEqualTo(64);
        assertThat(find("8481C").model()).isEqualTo("Intel Xeon Platinum 8480+");
    }

    @Test
    void peaksFollowCoresTimesClockTimesFlopsPerCycle() {
        // 14 cores x 2.6 GHz x 16 FP64 FLOP/cycle.
        assertThat(find("E5-2690 v4").peak(Precision.FP64)).isCloseTo(14 * 2.6 * 16 / 1000, within(0.001));
        // 64 cores x 2.5 GHz x 8 FP64 FLOP/cycle.
        assertThat(find("Graviton2").peak(Precision.FP64)).isCloseTo(64 * 2.5 * 8 / 1000, within(0.001));
        for (HardwareSpec spec : specs) {
            if (spec.peak(Precision.FP64) > 0) {
                assertThat(spec.peak(Precision.FP32)).isCloseTo(2 * spec.peak(Precision.FP64), within(0.002));
            }
        }
    }
}
