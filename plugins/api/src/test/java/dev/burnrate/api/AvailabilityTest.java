package dev.burnrate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

    @Test
    void theOldTwoArgumentFormsDeriveTheirState() {
        assertThat(Availability.yes().state()).isEqualTo(Availability.State.AVAILABLE);
        assertThat(new Availability(false, "no device").state()).isEqualTo(Availability.State.UNAVAILABLE);
        assertThat(Availability.no("no device").available()).isFalse();
    }

    @Test
    void capacityAnswersAreAvailableOnlyWhenInStockOrUnknown() {
        assertThat(Availability.inStock().available()).isTrue();
        assertThat(Availability.unknown("not reported").available()).isTrue();
        assertThat(Availability.soldOut("no H100 left")).extracting(Availability::available, Availability::state)
                .containsExactly(false, Availability.State.SOLD_OUT);
        assertThat(Availability.quotaExceeded("8 of 8 GPUs in use").state())
                .isEqualTo(Availability.State.QUOTA_EXCEEDED);
        assertThatThrownBy(() -> new Availability(true, "x", Availability.State.SOLD_OUT))
                .hasMessageContaining("available must be false for state SOLD_OUT");
    }

    @Test
    void aPriceListRefusesDuplicateAndMissingOfferings() {
        Offering small = new Offering("p", "small", "r", null, 0, 2, 8, "Compute", new Prices(1, null, null, null, null));
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        assertThatThrownBy(() -> new PriceList(now, List.of(small, small), "test"))
                .hasMessageContaining("p/r/small appears twice");
        assertThatThrownBy(() -> new PriceList(now, List.of(), "test")).hasMessageContaining("at least one");
        assertThat(new PriceList(now, List.of(small), "test").offerings()).containsExactly(small);
    }
}
