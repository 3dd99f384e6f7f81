package dev.burnrate.portal.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ForecastHorizonTest {

    @Test
    void reachesTheEndOfThePeriodThatHoldsTheLastObservedStep() {
        Instant midNovember = Instant.parse("2026-11-18T13:00:00Z");
        assertThat(ForecastHorizon.END_OF_MONTH.endAfter(midNovember)).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(ForecastHorizon.END_OF_QUARTER.endAfter(midNovember))
                .isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(ForecastHorizon.END_OF_QUARTER.endAfter(Instant.parse("2026-02-03T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
    }

    @Test
    void dataThatEndsWithAPeriodIsForecastThroughTheNextOne() {
        Instant endOfNovember = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(ForecastHorizon.END_OF_MONTH.endAfter(endOfNovember)).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(ForecastHorizon.END_OF_QUARTER.endAfter(Instant.parse("2026-10-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }
}
