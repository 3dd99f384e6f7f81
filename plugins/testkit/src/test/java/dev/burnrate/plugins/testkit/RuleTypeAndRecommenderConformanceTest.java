package dev.burnrate.plugins.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.ProvisionSuggestion;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.Recommendation;
import dev.burnrate.api.RuleFacts;
import dev.burnrate.api.RuleFinding;
import dev.burnrate.api.RuleParameter;
import dev.burnrate.api.RuleTypeProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks behind the rule type and recommender suites find what the portal would refuse or drop. */
class RuleTypeAndRecommenderConformanceTest {

    @Test
    void aBuiltInNameReservedParameterAndBadDefaultAreReported() {
        RuleTypeProvider bad = new RuleTypeProvider() {
            public String id() {
                return "bad-rules";
            }

            public String displayName() {
                return "Bad rules";
            }

            public String ruleType() {
                return "max_hourly_cost";
            }

            public String description() {
                return "";
            }

            public List<RuleParameter> parameters() {
                return List.of(RuleParameter.required("action", RuleParameter.Type.STRING, "x"),
                        RuleParameter.optional("limit", RuleParameter.Type.INTEGER, "x", "eight"),
                        RuleParameter.optional("limit", RuleParameter.Type.NUMBER, "x", null).allowing("1"));
            }

            public List<RuleFinding> evaluate(Map<String, Object> parameters, RuleFacts facts) {
                return List.of();
            }
        };

        assertThat(RuleTypeConformance.check(bad)).extracting(Violation::rule).containsExactlyInAnyOrder(
                "type-name", "description", "parameter-name", "parameter-default", "parameter-unique",
                "parameter-allowed");
    }

    @Test
    void aRecommendationForAnUnknownTeamOrOfferingIsReported() {
        var input = SampleRecommendationInput.typical();
        var good = new Recommendation("r1", "ml-research", "Use spot", List.of("runs on demand"), 10, 5, 20, "USD",
                Recommendation.Risk.MEDIUM, new ProvisionSuggestion("aws", "us-east-1", "p5.48xlarge", 1,
                PurchaseOption.SPOT));
        var strangers = new Recommendation("r2", "nobody", "x", List.of("y"), 1, 1, 1, "USD",
                Recommendation.Risk.LOW, new ProvisionSuggestion("aws", "us-east-1", "x9.huge", 1,
                PurchaseOption.SPOT));

        assertThat(RecommenderConformance.check(input, List.of(good))).isEmpty();
        assertThat(RecommenderConformance.check(input, List.of(good, strangers, good)))
                .extracting(Violation::rule)
                .containsExactlyInAnyOrder("known-team", "suggested-offering", "unique-key");
    }
}
