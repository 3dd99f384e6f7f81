package dev.burnrate.portal.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.Recommendation;
import dev.burnrate.api.RecommendationInput;
import dev.burnrate.api.ResourceFacts;
import dev.burnrate.api.ResourceState;
import dev.burnrate.engine.kernel.KernelRouter;
import dev.burnrate.engine.kernel.ReferenceBackend;
import dev.burnrate.portal.compute.ComputeService;
import dev.burnrate.portal.provisioning.ListPriceEstimator;
import dev.burnrate.portal.provisioning.SimulatedEstimator;
import dev.burnrate.portal.settings.SettingsService;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Spot advice on resources whose answer is known by construction: with no interruptions a month on spot costs the
 * spot price for the hours plus the checkpoints' overhead, every simulated month alike; with interruptions the
 * months spread and cost more.
 */
class SpotRecommenderTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final ComputeService compute = mock(ComputeService.class);
    private final SettingsService settings = mock(SettingsService.class);
    private final SpotRecommender recommender = new SpotRecommender(compute,
            new SimulatedEstimator(new ListPriceEstimator(), compute, settings));

    SpotRecommenderTest() {
        when(compute.router()).thenReturn(KernelRouter.always(new ReferenceBackend()));
        when(settings.get(org.mockito.ArgumentMatchers.anyString())).thenReturn(Optional.empty());
    }

    private static Offering gpu(String type, Double spot, Double interruptions) {
        return new Offering("aws", type, "eu-a", "H100", 8, 192, 2048, "compute",
                new Prices(10.0, spot, null, null, null), interruptions);
    }

    private static ResourceFacts resource(String id, String type, PurchaseOption option, ResourceState state) {
        return new ResourceFacts(id, "train-" + id, "ml", "llm", "aws", "eu-a", type, 2, option, 20.0, "USD", state,
                NOW, NOW);
    }

    @Test
    void withoutInterruptionsTheSavingIsTheSpotDiscountLessTheCheckpointsAndCertain() {
        RecommendationInput input = new RecommendationInput(NOW, List.of(resource("1", "calm", PurchaseOption.ON_DEMAND,
                ResourceState.RUNNING)), List.of(gpu("calm", 3.0, 0.0)));
        List<Recommendation> found = recommender.recommend(input);
        assertThat(found).hasSize(1);
        Recommendation r = found.getFirst();
        double onDemand = 10.0 * 2 * 730;
        // 730 hourly segments, a checkpoint after each but the last: 730 + 729 x 0.05 hours at 2 x 3.0 an hour
        double spot = 2 * 3.0 * (730 + 729 * 0.05);
        assertThat(r.monthlySavingP50()).isCloseTo(onDemand - spot, within(0.5));
        assertThat(r.monthlySavingLow()).isCloseTo(r.monthlySavingP50(), within(1e-6));
        assertThat(r.monthlySavingHigh()).isCloseTo(r.monthlySavingP50(), within(1e-6));
        assertThat(r.suggestedAction().purchaseOption()).isEqualTo(PurchaseOption.SPOT);
        assertThat(r.suggestedAction().count()).isEqualTo(2);
        assertThat(r.team()).isEqualTo("ml");
        assertThat(r.evidence()).anyMatch(e -> e.contains("10,000 simulated months"));
    }

    @Test
    void interruptionsSpreadTheSavingAndOnlyOnDemandWorkWithASpotPriceIsAdvised() {
        RecommendationInput input = new RecommendationInput(NOW, List.of(
                resource("1", "rough", PurchaseOption.ON_DEMAND, ResourceState.RUNNING),
                resource("2", "rough", PurchaseOption.SPOT, ResourceState.RUNNING),
                resource("3", "no-spot", PurchaseOption.ON_DEMAND, ResourceState.RUNNING),
                resource("4", "rough", PurchaseOption.ON_DEMAND, ResourceState.STOPPED)),
                List.of(gpu("rough", 3.0, 0.05), gpu("no-spot", null, null)));
        List<Recommendation> found = recommender.recommend(input);
        assertThat(found).extracting(Recommendation::key).containsExactly("spot:1");
        Recommendation r = found.getFirst();
        assertThat(r.monthlySavingLow()).isLessThan(r.monthlySavingP50());
        assertThat(r.monthlySavingHigh()).isGreaterThan(r.monthlySavingP50());
        assertThat(r.evidence()).anyMatch(e -> e.contains("finishes in") && e.contains("interruptions on average"));
    }

    @Test
    void noAdviceWhenSpotIsNotCheaperOnceInterruptionsAreCounted() {
        RecommendationInput input = new RecommendationInput(NOW, List.of(resource("1", "thin", PurchaseOption.ON_DEMAND,
                ResourceState.RUNNING)), List.of(gpu("thin", 9.9, 0.2)));
        assertThat(recommender.recommend(input)).isEmpty();
    }
}
