package dev.burnrate.portal.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import dev.burnrate.api.ProvisionSuggestion;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.Recommendation;
import dev.burnrate.api.RecommendationInput;
import dev.burnrate.api.ResourceFacts;
import dev.burnrate.api.ResourceState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The portal's own recommenders on seeded resources whose right answer is known by construction: which notebooks
 * were left running and what stopping them outside working hours saves; which steady on-demand base a one-year
 * commitment should cover, with its saving, break-even, coverage and the saving left if usage falls.
 */
class BuiltInRecommendersTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    /** On demand 10/h, one year committed 6/h: break-even 60%, saving 4 per instance-hour. */
    private static final Offering GPU = new Offering("aws", "g5.xlarge", "us-east-1", "A10G", 1, 4, 16,
            "Amazon Elastic Compute Cloud", new Prices(10.0, 4.0, 6.0, 4.5, "catalog"));
    private static final Offering NO_COMMITMENT = new Offering("aws", "m5.large", "us-east-1", null, 0, 2, 8,
            "Amazon Elastic Compute Cloud", new Prices(0.1, null, null, null, null));

    private static ResourceFacts resource(String id, String name, String team, String type, int count,
                                          PurchaseOption option, ResourceState state, Duration ago) {
        double hourly = (type.equals("g5.xlarge") ? 10.0 : 0.1) * count;
        return new ResourceFacts(id, name, team, null, "aws", "us-east-1", type, count, option, hourly, "USD", state,
                NOW.minus(ago), NOW.minus(ago).minusSeconds(60));
    }

    private static RecommendationInput input(ResourceFacts... resources) {
        return new RecommendationInput(NOW, List.of(resources), List.of(GPU, NO_COMMITMENT));
    }

    @Test
    void notebooksRunningWithoutAStopForMoreThanTwelveHoursAreTheOnesLeftRunning() {
        RecommendationInput seeded = input(
                resource("i-left", "ada-notebook", "ml", "g5.xlarge", 1, PurchaseOption.ON_DEMAND,
                        ResourceState.RUNNING, Duration.ofHours(40)),
                resource("i-today", "bob-notebook", "ml", "g5.xlarge", 1, PurchaseOption.ON_DEMAND,
                        ResourceState.RUNNING, Duration.ofHours(3)),
                resource("i-stopped", "cy-jupyter", "ml", "g5.xlarge", 1, PurchaseOption.ON_DEMAND,
                        ResourceState.STOPPED, Duration.ofDays(5)),
                resource("i-train", "train-llama", "ml", "g5.xlarge", 1, PurchaseOption.ON_DEMAND,
                        ResourceState.RUNNING, Duration.ofDays(9)));

        List<Recommendation> advice = new IdleNotebookRecommender().recommend(seeded);

        assertThat(advice).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("idle:i-left");
            assertThat(r.team()).isEqualTo("ml");
            assertThat(r.monthlySavingP50()).isCloseTo(10.0 * (730 - 217), within(1e-9));
            assertThat(r.monthlySavingLow()).isCloseTo(10.0 * (730 - 16 * 730 / 24.0), within(1e-9));
            assertThat(r.monthlySavingHigh()).isCloseTo(7300, within(1e-9));
            assertThat(r.evidence().getFirst()).contains("40 hours without a stop");
            assertThat(r.suggestedAction()).isNull();
        });
    }

    @Test
    void aOneYearCommitmentCoversOnlyTheSteadyOnDemandBasePerTeamAndType() {
        RecommendationInput seeded = input(
                // ml: 3 + 1 instances steady for 45 and 31 days, 2 started last week, 1 on spot (not on demand)
                resource("i-a", "serve-a", "ml", "g5.xlarge", 3, PurchaseOption.ON_DEMAND, ResourceState.RUNNING,
                        Duration.ofDays(45)),
                resource("i-b", "serve-b", "ml", "g5.xlarge", 1, PurchaseOption.ON_DEMAND, ResourceState.RUNNING,
                        Duration.ofDays(31)),
                resource("i-c", "burst", "ml", "g5.xlarge", 2, PurchaseOption.ON_DEMAND, ResourceState.RUNNING,
                        Duration.ofDays(7)),
                resource("i-d", "spot", "ml", "g5.xlarge", 1, PurchaseOption.SPOT, ResourceState.RUNNING,
                        Duration.ofDays(90)),
                // web: only new capacity, and a type the catalog has no commitment price for
                resource("i-e", "new", "web", "g5.xlarge", 2, PurchaseOption.ON_DEMAND, ResourceState.RUNNING,
                        Duration.ofDays(2)),
                resource("i-f", "cpu", "web", "m5.large", 4, PurchaseOption.ON_DEMAND, ResourceState.RUNNING,
                        Duration.ofDays(200)));

        List<Recommendation> advice = new CommitmentRecommender().recommend(seeded);

        assertThat(advice).singleElement().satisfies(r -> {
            assertThat(r.team()).isEqualTo("ml");
            assertThat(r.key()).isEqualTo("commit-1y:aws/us-east-1/g5.xlarge");
            // 4 steady instances × (10 − 6) × 730 h
            assertThat(r.monthlySavingP50()).isCloseTo(4 * 4.0 * 730, within(1e-9));
            // a quarter of the base stops: 4 × (0.75 × 10 − 6) × 730
            assertThat(r.monthlySavingLow()).isCloseTo(4 * 1.5 * 730, within(1e-9));
            assertThat(r.risk()).isEqualTo(Recommendation.Risk.MEDIUM);
            assertThat(r.evidence()).anySatisfy(e -> assertThat(e).contains("Break-even").contains("60%"));
            assertThat(r.evidence()).anySatisfy(e -> assertThat(e).contains("Coverage: 67%"));
            assertThat(r.evidence().getFirst()).startsWith("4 of the team's 6 on-demand g5.xlarge");
            assertThat(r.suggestedAction()).isEqualTo(new ProvisionSuggestion("aws", "us-east-1", "g5.xlarge", 4,
                    PurchaseOption.COMMITTED_1Y));
        });
    }

    @Test
    void noCommitmentWhenTheBreakEvenCannotBeReached() {
        Offering dear = new Offering("aws", "g5.xlarge", "us-east-1", "A10G", 1, 4, 16, "EC2",
                new Prices(10.0, 4.0, 10.0, null, "catalog"));
        RecommendationInput seeded = new RecommendationInput(NOW, List.of(resource("i-a", "serve", "ml",
                "g5.xlarge", 3, PurchaseOption.ON_DEMAND, ResourceState.RUNNING, Duration.ofDays(45))),
                List.of(dear));

        assertThat(new CommitmentRecommender().recommend(seeded)).isEmpty();
    }
}
