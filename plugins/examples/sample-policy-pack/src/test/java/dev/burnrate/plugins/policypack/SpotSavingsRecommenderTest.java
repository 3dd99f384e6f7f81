package dev.burnrate.plugins.policypack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.Recommendation;
import dev.burnrate.api.Recommender;
import dev.burnrate.plugins.testkit.RecommenderConformanceTest;
import dev.burnrate.plugins.testkit.SampleRecommendationInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The testkit's conformance suite, plus the figures of this recommender. */
class SpotSavingsRecommenderTest extends RecommenderConformanceTest {

    @Override
    protected Recommender createRecommender() {
        return new SpotSavingsRecommender();
    }

    @Test
    void onlyRunningOnDemandResourcesWithACheaperSpotPriceAreRecommended() {
        List<Recommendation> found = recommender.recommend(SampleRecommendationInput.typical());

        // i-train (P5 on demand) and i-notebook (c7i on demand, spot 61% less); not the spot job, not the stopped one
        assertEquals(List.of("spot:i-train", "spot:i-notebook"), found.stream().map(Recommendation::key).toList());
        Recommendation train = found.getFirst();
        double monthly = (55.04 - 17.03) * 2 * 730;
        assertEquals(Math.round(monthly * 100) / 100.0, train.monthlySavingHigh(), 0.001);
        assertEquals(Math.round(monthly * 0.9 * 100) / 100.0, train.monthlySavingP50(), 0.001);
        assertEquals(Math.round(monthly * 0.7 * 100) / 100.0, train.monthlySavingLow(), 0.001);
        assertEquals(Recommendation.Risk.MEDIUM, train.risk());
        assertEquals(PurchaseOption.SPOT, train.suggestedAction().purchaseOption());
        assertEquals(2, train.suggestedAction().count());
    }
}
