package dev.burnrate.plugins.policypack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.RuleFinding;
import dev.burnrate.api.RuleTypeProvider;
import dev.burnrate.plugins.testkit.RuleTypeProviderConformanceTest;
import dev.burnrate.plugins.testkit.SampleFacts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The testkit's conformance suite, plus what this rule decides. */
class MaxGpusPerRequestRuleTest extends RuleTypeProviderConformanceTest {

    @Override
    protected RuleTypeProvider createProvider() {
        return new MaxGpusPerRequestRule();
    }

    @Override
    protected Map<String, Object> validParameters() {
        return Map.of("max_gpus", 8L);
    }

    @Test
    void moreAcceleratorsThanAllowedIsAFinding() {
        var twoP5 = SampleFacts.facts("r", "ml", SampleFacts.US_EAST, SampleFacts.P5, 2, PurchaseOption.ON_DEMAND,
                Duration.ofHours(1), Map.of());
        var oneP5 = SampleFacts.facts("r", "ml", SampleFacts.US_EAST, SampleFacts.P5, 1, PurchaseOption.ON_DEMAND,
                Duration.ofHours(1), Map.of());

        List<RuleFinding> findings = provider.evaluate(Map.of("max_gpus", 8L), twoP5);

        assertEquals(1, findings.size());
        assertEquals("too-many-gpus", findings.getFirst().code());
        assertEquals("16", findings.getFirst().evidence().get("gpus_requested"));
        assertTrue(provider.evaluate(Map.of("max_gpus", 8L), oneP5).isEmpty());
        assertTrue(provider.evaluate(Map.of("max_gpus", 8L, "accelerators", List.of("A10G")), twoP5).isEmpty(),
                "only the listed models count");
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertEquals(List.of("max_gpus must be at least 1"), provider.validate(Map.of("max_gpus", 0L)));
    }
}
