package dev.burnrate.portal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.engine.kernel.KernelRouter;
import dev.burnrate.engine.kernel.ReferenceBackend;
import dev.burnrate.portal.compute.ComputeService;
import dev.burnrate.portal.settings.SettingsService;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatedEstimatorTest {

    private static final Offering H100 = new Offering("aws", "p5.48xlarge", "eu-north-1", "H100", 8, 192, 2048,
            "Amazon Elastic Compute Cloud", new Prices(98.32, 40.0, 59.0, 39.3, "derived"));

    private final ComputeService compute = mock(ComputeService.class);
    private final SettingsService settings = mock(SettingsService.class);
    private final SimulatedEstimator estimator = new SimulatedEstimator(new ListPriceEstimator(), compute, settings);

    SimulatedEstimatorTest() {
        when(compute.router()).thenReturn(KernelRouter.always(new ReferenceBackend()));
    }

    @Test
    void pricesCertainOptionsFromTheListAsTheyAreBilled() {
        when(settings.get(SimulatedEstimator.INTERRUPTION_SETTING)).thenReturn(Optional.empty());
        Estimate onDemand = estimator.estimate(H100, 2, PurchaseOption.ON_DEMAND, 72.0, true);
        assertThat(onDemand).isEqualTo(new ListPriceEstimator().estimate(H100, 2, PurchaseOption.ON_DEMAND, 72.0, true));
        assertThat(onDemand.expectedTotal()).isEqualTo(98.32 * 2 * 72);
        assertThat(onDemand.p50Total()).isEqualTo(onDemand.expectedTotal());
    }

    @Test
    void spotRunsTheMonteCarloAndInterruptionsRaiseCostAndSpread() {
        when(settings.get(SimulatedEstimator.INTERRUPTION_SETTING)).thenReturn(Optional.of("0.05"));
        Estimate spot = estimator.estimate(H100, 1, PurchaseOption.SPOT, 72.0, true);
        assertThat(spot.source()).startsWith("simulated: 20,000 spot scenarios on reference");
        assertThat(spot.hourlyCost()).isEqualTo(40.0);
        // Interruptions only add time (restarts, redone work), so the mean exceeds the uninterrupted list total.
        assertThat(spot.expectedTotal()).isGreaterThan(40.0 * 72);
        assertThat(spot.p90Total()).isGreaterThanOrEqualTo(spot.expectedTotal());
        // The median comes from the same scenarios: no interruption leaves at least the list total, P90 bounds it.
        assertThat(spot.p50Total()).isBetween(40.0 * 72, spot.p90Total());
        assertThat(estimator.estimate(H100, 1, PurchaseOption.SPOT, 72.0, true)).isEqualTo(spot);

        Estimate noCheckpoints = estimator.estimate(H100, 1, PurchaseOption.SPOT, 72.0, false);
        assertThat(noCheckpoints.source()).contains("no checkpoints");
        assertThat(noCheckpoints.expectedTotal()).isGreaterThan(spot.expectedTotal());
    }

    @Test
    void aBrokenSettingFallsBackToTheDefaultRate() {
        when(settings.get(SimulatedEstimator.INTERRUPTION_SETTING)).thenReturn(Optional.of("often"));
        Estimate spot = estimator.estimate(H100, 1, PurchaseOption.SPOT, 24.0, true);
        assertThat(spot.source()).contains(String.format("%.4f interruptions per instance-hour (the portal's rate setting)",
                SimulatedEstimator.DEFAULT_INTERRUPTIONS_PER_HOUR));
    }

    @Test
    void theProvidersPublishedRateWinsOverTheSetting() {
        when(settings.get(SimulatedEstimator.INTERRUPTION_SETTING)).thenReturn(Optional.of("0"));
        Estimate withoutInterruptions = estimator.estimate(H100, 1, PurchaseOption.SPOT, 72.0, true);
        Estimate published = estimator.estimate(H100.withSpotInterruptionsPerHour(0.05), 1, PurchaseOption.SPOT, 72.0,
                true);
        assertThat(published.source()).contains("0.0500 interruptions per instance-hour (the provider's rate)");
        assertThat(withoutInterruptions.source()).contains("0.0000 interruptions per instance-hour (the portal's rate setting)");
        assertThat(published.expectedTotal()).isGreaterThan(withoutInterruptions.expectedTotal());
    }

    @Test
    void openEndedSpotUsesListPrices() {
        when(settings.get(SimulatedEstimator.INTERRUPTION_SETTING)).thenReturn(Optional.empty());
        Estimate spot = estimator.estimate(H100, 1, PurchaseOption.SPOT, null, true);
        assertThat(spot.source()).startsWith("list prices");
    }
}
