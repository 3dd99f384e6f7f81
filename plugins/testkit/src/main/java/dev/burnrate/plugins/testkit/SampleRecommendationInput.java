package dev.burnrate.plugins.testkit;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.RecommendationInput;
import dev.burnrate.api.ResourceFacts;
import dev.burnrate.api.ResourceState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Inputs for recommender tests (since API 1.3.0): two teams' resources (GPU training on demand for days, a spot job,
 * a CPU notebook, a stopped instance) with the offerings of their regions from {@link SampleFacts}.
 */
public final class SampleRecommendationInput {
    public static final Instant NOW = InMemoryPluginContext.DEFAULT_START;

    private SampleRecommendationInput() {
    }

    public static RecommendationInput typical() {
        return new RecommendationInput(NOW, List.of(
                resource("i-train", "train-llm", "ml-research", "us-east-1", "p5.48xlarge", 2,
                        PurchaseOption.ON_DEMAND, 110.08, ResourceState.RUNNING, Duration.ofDays(3)),
                resource("i-spot", "sweep", "ml-research", "us-east-1", "p5.48xlarge", 1, PurchaseOption.SPOT, 17.03,
                        ResourceState.RUNNING, Duration.ofHours(5)),
                resource("i-notebook", "notebook", "analytics", "eu-central-1", "c7i.2xlarge", 1,
                        PurchaseOption.ON_DEMAND, 0.41, ResourceState.RUNNING, Duration.ofDays(9)),
                resource("i-serving", "serving", "analytics", "eu-central-1", "g5.12xlarge", 1,
                        PurchaseOption.ON_DEMAND, 7.09, ResourceState.STOPPED, Duration.ofDays(2))),
                List.of(SampleFacts.P5, SampleFacts.G5, SampleFacts.C7));
    }

    /** Nothing runs: a recommender must answer with an empty list, not fail. */
    public static RecommendationInput empty() {
        return new RecommendationInput(NOW, List.of(), List.of());
    }

    public static ResourceFacts resource(String id, String name, String team, String region, String type, int count,
                                         PurchaseOption option, double hourly, ResourceState state, Duration age) {
        Instant since = NOW.minus(age);
        return new ResourceFacts(id, name, team, null, "aws", region, type, count, option, hourly, "USD", state,
                since, since);
    }
}
