package dev.burnrate.engine.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CpuPeakTest {

    @Test
    void zen4CountsTwo256BitFmaPipes() {
        CpuPeak peak = CpuPeak.fromCpuInfo(List.of("vendor_id\t: AuthenticAMD", "cpu family\t: 25",
                "model name\t: AMD EPYC", "cpu MHz\t\t: 2596.126", "flags\t\t: fpu avx2 fma avx512f"), 2);
        assertThat(peak.gflops()).isCloseTo(2 * 2.596126 * 32, within(1e-6));
        assertThat(peak.derivation()).contains("2 cores").contains("32 FLOP/cycle").contains("Zen 4");
    }

    @Test
    void avx2WithFmaIsThirtyTwoFlopPerCycle() {
        CpuPeak peak = CpuPeak.fromCpuInfo(List.of("vendor_id\t: GenuineIntel", "cpu family\t: 6",
                "cpu MHz\t\t: 3000.000", "flags\t\t: sse avx2 fma"), 4);
        assertThat(peak.gflops()).isCloseTo(4 * 3.0 * 32, within(1e-6));
    }
}
