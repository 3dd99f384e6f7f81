package dev.burnrate.engine.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CounterRngTest {

    @Test
    void drawsAreSplitMix64Outputs() {
        // SplitMix64 seeded with 0 starts 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4 (Vigna's reference code).
        assertThat(CounterRng.bits(0, 0)).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(CounterRng.bits(0, 1)).isEqualTo(0x6E789E6AA1B965F4L);
    }

    @Test
    void drawsDependOnlyOnSeedScenarioAndIndex() {
        long key = CounterRng.streamKey(42, 7);
        assertThat(CounterRng.bits(key, 3)).isEqualTo(CounterRng.bits(CounterRng.streamKey(42, 7), 3));
        assertThat(CounterRng.streamKey(42, 7)).isNotEqualTo(CounterRng.streamKey(43, 7))
                .isNotEqualTo(CounterRng.streamKey(42, 8));
    }

    @Test
    void uniformsAreUniformAcrossAndWithinScenarios() {
        int buckets = 50;
        int perScenario = 20;
        int scenarios = 10_000;
        long[] counts = new long[buckets];
        double lagProduct = 0;
        for (int s = 0; s < scenarios; s++) {
            long key = CounterRng.streamKey(2024, s);
            double previous = CounterRng.unit(CounterRng.bits(key, 0));
            counts[(int) (previous * buckets)]++;
            for (int d = 1; d < perScenario; d++) {
                double u = CounterRng.unit(CounterRng.bits(key, d));
                assertThat(u).isGreaterThanOrEqualTo(0).isLessThan(1);
                counts[(int) (u * buckets)]++;
                lagProduct += (u - 0.5) * (previous - 0.5);
                previous = u;
            }
        }
        double expected = (double) scenarios * perScenario / buckets;
        double chiSquare = 0;
        for (long count : counts) {
            chiSquare += (count - expected) * (count - expected) / expected;
        }
        // 49 degrees of freedom: the 99.9% quantile is 85.4.
        assertThat(chiSquare).isLessThan(85.4);
        // Lag-1 correlation of consecutive draws: standard error 1/sqrt(190000) ~ 0.0023.
        double correlation = lagProduct / (scenarios * (perScenario - 1)) / (1.0 / 12);
        assertThat(correlation).isCloseTo(0, within(0.01));
    }
}
