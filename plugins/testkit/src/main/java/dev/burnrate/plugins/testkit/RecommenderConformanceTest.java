package dev.burnrate.plugins.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.burnrate.api.Recommendation;
import dev.burnrate.api.RecommendationInput;
import dev.burnrate.api.Recommender;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite for {@link Recommender} plugins (since API 1.3.0): extend it and return a fresh
 * recommender. Override {@link #sampleInput()} with an input your recommender has something to say about, or
 * {@link #recommendsOnSampleInput()} when it has nothing to say about the default one.
 */
public abstract class RecommenderConformanceTest {
    protected Recommender recommender;
    protected InMemoryPluginContext context;

    protected abstract Recommender createRecommender();

    protected RecommendationInput sampleInput() {
        return SampleRecommendationInput.typical();
    }

    /** Whether {@link #sampleInput()} must yield at least one recommendation (so the checks check something). */
    protected boolean recommendsOnSampleInput() {
        return true;
    }

    @BeforeEach
    void initialiseRecommender() {
        recommender = createRecommender();
        context = new InMemoryPluginContext(recommender.id() == null ? "plugin-under-test" : recommender.id());
        recommender.init(context);
    }

    @Test
    void identityConforms() {
        List<Violation> violations = new java.util.ArrayList<>();
        Checks.checkIdentity(recommender, "recommender", violations);
        assertTrue(violations.isEmpty(), violations.toString());
    }

    @Test
    void recommendationsConform() {
        List<Recommendation> recommendations = recommender.recommend(sampleInput());
        List<Violation> violations = RecommenderConformance.check(sampleInput(), recommendations);
        if (!violations.isEmpty()) {
            fail(violations.size() + " conformance violation(s):\n"
                    + violations.stream().map(Violation::toString).collect(Collectors.joining("\n")));
        }
        if (recommendsOnSampleInput()) {
            assertTrue(!recommendations.isEmpty(), "no recommendation for the sample input; override sampleInput() "
                    + "or recommendsOnSampleInput()");
        }
    }

    @Test
    void nothingRunningMeansNoRecommendations() {
        List<Recommendation> recommendations = recommender.recommend(SampleRecommendationInput.empty());
        assertNotNull(recommendations, "recommend() must return a list");
        assertTrue(recommendations.isEmpty(), "recommendations without any resource: " + recommendations);
    }

    @Test
    void theSameInputGivesTheSameRecommendations() {
        assertEquals(recommender.recommend(sampleInput()), recommender.recommend(sampleInput()));
    }
}
