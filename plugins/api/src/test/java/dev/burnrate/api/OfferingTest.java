package dev.burnrate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OfferingTest {

    private static final Prices PRICES = new Prices(2.49, 1.2, null, null, null);

    @Test
    void theApi10ConstructorMeansNoPublishedInterruptionRate() {
        Offering offering = new Offering("p", "t", "r", "H100", 1, 24, 200, "s", PRICES);
        assertThat(offering.spotInterruptionsPerHour()).isNull();
        assertThat(offering.withSpotInterruptionsPerHour(0.001).spotInterruptionsPerHour()).isEqualTo(0.001);
    }

    @Test
    void anInterruptionRateMustBeAFiniteNonNegativeNumber() {
        Offering offering = new Offering("p", "t", "r", "H100", 1, 24, 200, "s", PRICES);
        for (double bad : new double[]{-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> offering.withSpotInterruptionsPerHour(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spotInterruptionsPerHour");
        }
    }

    @Test
    void aMonthlyShareBecomesTheRateThatInterruptsThatShareIn730Hours() {
        double rate = Offering.interruptionsPerHourFromMonthlyShare(0.10);
        assertThat(1 - Math.exp(-730 * rate)).isCloseTo(0.10, within(1e-12));
        assertThat(Offering.monthlyShareFromInterruptionsPerHour(rate)).isCloseTo(0.10, within(1e-12));
        assertThat(Offering.interruptionsPerHourFromMonthlyShare(0)).isZero();
        assertThatThrownBy(() -> Offering.interruptionsPerHourFromMonthlyShare(1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1)");
    }
}
