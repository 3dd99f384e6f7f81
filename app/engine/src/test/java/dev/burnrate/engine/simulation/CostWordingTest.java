package dev.burnrate.engine.simulation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CostWordingTest {

    @Test
    void aSavingIsCheaperAndAnExtraCostDearerNeverANegativeCheaper() {
        assertThat(CostWording.relative(75, 100)).isEqualTo("25% cheaper than");
        // The "Spot on the same instances would be -150% cheaper": spot at 2.5 times the choice.
        assertThat(CostWording.relative(250, 100)).isEqualTo("150% dearer than");
        assertThat(CostWording.relative(100.3, 100)).isEqualTo("the same as");
        assertThat(CostWording.percentChange(90, 100)).isCloseTo(-10, within(1e-9));
        assertThatThrownBy(() -> CostWording.relative(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sharesShowZeroAndAllOnlyWhenExactlySo() {
        assertThat(CostWording.percent(0)).isEqualTo("0%");
        assertThat(CostWording.percent(0.001)).isEqualTo("1%");
        assertThat(CostWording.percent(0.999)).isEqualTo("99%");
        assertThat(CostWording.percent(1)).isEqualTo("100%");
        assertThat(CostWording.percent(0.424)).isEqualTo("42%");
    }

    @Test
    void theSpotSummaryKeepsTheFallBackShareWithinTheInterruptedShare() {
        // The "1.0 interruptions per run ... 99% of runs fall back": every run is interrupted once, then
        // finishes on on-demand; the words must say both and in that order.
        ComparisonRow spot = row(90_000, 1.0, 1.0, 0.99);
        ComparisonRow onDemand = row(100_000, 0, 0, 0);
        String text = CostWording.spotSummary(spot, onDemand);
        assertThat(text).startsWith("Spot is 10% cheaper than on-demand on the same instances on average ($90,000 vs"
                + " $100,000)");
        assertThat(text).contains("100% of runs are interrupted at least once (1.0 interruptions per run on"
                + " average); 99% of runs then finish on on-demand");
        // A fall-back share above the interrupted share cannot happen (fall-back follows an interruption): capped.
        assertThat(CostWording.interruptions(row(1, 0.3, 0.2, 0.5))).contains("20% of runs are interrupted")
                .contains("20% of runs then finish on on-demand");
        assertThat(CostWording.interruptions(row(1, 0, 0, 0))).isEqualTo("No run was interrupted.");
        assertThat(CostWording.spotSummary(row(120, 0, 0, 0), row(100, 0, 0, 0)))
                .startsWith("Spot is 20% dearer than on-demand");
    }

    private static ComparisonRow row(double cost, double interruptions, double interrupted, double fellBack) {
        return new ComparisonRow(Fixtures.P5, "H100", dev.burnrate.api.HardwareKind.GPU, 1,
                dev.burnrate.api.PurchaseOption.SPOT, Distribution.constant(cost), Distribution.constant(100),
                Double.NaN, interruptions, interrupted, fellBack, Histogram.of(new double[]{cost}, 1),
                new double[][]{{100, cost}}, java.util.List.of(), "test", null);
    }
}
