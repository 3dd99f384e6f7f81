package dev.burnrate.engine.policy.rules;

import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.Violation;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.burnrate.engine.policy.PolicyFixtures.G5_EU_CENTRAL_1;
import static dev.burnrate.engine.policy.PolicyFixtures.evaluate;
import static dev.burnrate.engine.policy.PolicyFixtures.parse;
import static dev.burnrate.engine.policy.PolicyFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

class RequiredTagsRuleTest {
    private final Policy tagging = parse("""
            id: tagging
            name: Tagging standard
            rules:
              - type: required_tags
                tags:
                  - key: cost-center
                    pattern: "CC-[0-9]{4}"
                  - key: owner
                  - key: data-classification
                    allowed: [public, internal, personal-eu, phi]
            """);

    @Test
    void wellTaggedRequestsPass() {
        assertThat(evaluate(tagging, request(G5_EU_CENTRAL_1, 1, 5).build()).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void missingWrongAndMalformedTagsAreEachReported() {
        var request = request(G5_EU_CENTRAL_1, 1, 5)
                .tags(Map.of("cost-center", "marketing", "data-classification", "secret")).build();

        Decision decision = evaluate(tagging, request);

        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
        assertThat(decision.violations()).extracting(Violation::code).containsExactly(
                "tag-value-pattern:cost-center", "missing-tag:owner", "tag-value-not-allowed:data-classification");
        assertThat(decision.violations().get(0).message()).contains("CC-[0-9]{4}", "marketing");
        assertThat(decision.violations().get(2).evidence()).containsEntry("value", "secret");
    }

    @Test
    void blankValuesCountAsMissingAndKeysAreCaseSensitive() {
        var request = request(G5_EU_CENTRAL_1, 1, 5)
                .tags(Map.of("Cost-Center", "CC-1234", "owner", "  ", "data-classification", "internal")).build();

        assertThat(evaluate(tagging, request).violations()).extracting(Violation::code)
                .containsExactly("missing-tag:cost-center", "missing-tag:owner");
    }
}
