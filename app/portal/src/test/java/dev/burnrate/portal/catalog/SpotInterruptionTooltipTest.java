package dev.burnrate.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import dev.burnrate.portal.plugin.CatalogOffering;
import org.junit.jupiter.api.Test;

class SpotInterruptionTooltipTest {

    private static CatalogOffering entry(Double spot, Double rate) {
        Offering offering = new Offering("sample-cloud", "sample.gpu-h100", "sample-eu-ams", "H100", 1, 24, 200,
                "Sample Compute", new Prices(2.49, spot, null, null, null)).withSpotInterruptionsPerHour(rate);
        return new CatalogOffering("sample-provider", "sample-cloud", "Sample Cloud", offering, "Amsterdam", "NL", "EU",
                true, true, 2.49, "H100", 0.99, 2.5);
    }

    @Test
    void showsTheProvidersRateAsTheShareInterruptedWithinAMonth() {
        String tooltip = SpotInterruptionTooltip.of(entry(1.2, Offering.interruptionsPerHourFromMonthlyShare(0.10)));
        assertThat(tooltip).isEqualTo("the provider expects 10.0% of spot instances to be interrupted within a month"
                + " (0.00014 per instance-hour)");
    }

    @Test
    void saysWhenTheProviderPublishesNoRateOrNoSpotOffer() {
        assertThat(SpotInterruptionTooltip.of(entry(1.2, null))).startsWith("the provider publishes no interruption rate");
        assertThat(SpotInterruptionTooltip.of(entry(null, 0.001))).isEqualTo("no spot offer");
    }
}
