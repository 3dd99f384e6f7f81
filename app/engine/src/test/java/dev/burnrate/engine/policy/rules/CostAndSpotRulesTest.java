package dev.burnrate.engine.policy.rules;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.Violation;
import org.junit.jupiter.api.Test;

import static dev.burnrate.engine.policy.PolicyFixtures.G5_EU_CENTRAL_1;
import static dev.burnrate.engine.policy.PolicyFixtures.P5_EU_NORTH_1;
import static dev.burnrate.engine.policy.PolicyFixtures.evaluate;
import static dev.burnrate.engine.policy.PolicyFixtures.parse;
import static dev.burnrate.engine.policy.PolicyFixtures.priced;
import static dev.burnrate.engine.policy.PolicyFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

class CostAndSpotRulesTest {
    private final Policy maxHourly = parse("""
            id: max-hourly
            name: Hourly cost cap
            rules:
              - type: max_hourly_cost
                amount: 100
                action: require_approval
            """);
    private final Policy spot = parse("""
            id: spot
            name: Spot discipline
            rules:
              - type: spot_requires_checkpointing
              - type: no_spot_for_deadline_critical
            """);

    @Test
    void oneP5IsUnderTheCapAndTwoNeedApproval() {
        assertThat(evaluate(maxHourly, request(P5_EU_NORTH_1, 1, 10).build()).outcome()).isEqualTo(Outcome.ALLOW);

        Decision two = evaluate(maxHourly, request(P5_EU_NORTH_1, 2, 10).build());

        assertThat(two.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
        Violation v = two.violations().getFirst();
        assertThat(v.code()).isEqualTo("hourly-cost-exceeded");
        assertThat(v.evidence()).containsEntry("hourly_cost", 117.79).containsEntry("max_hourly_cost", 100.0)
                .containsEntry("count", 2);
        assertThat(v.message()).contains("$117.79 per hour", "$100.00");
    }

    @Test
    void spotWithCheckpointingIsFine() {
        var request = priced(request(G5_EU_CENTRAL_1, 1, 10), PurchaseOption.SPOT).checkpointing(true).build();

        assertThat(evaluate(spot, request).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void spotWithoutCheckpointingIsDenied() {
        var request = priced(request(G5_EU_CENTRAL_1, 1, 10), PurchaseOption.SPOT).checkpointing(false).build();

        Decision decision = evaluate(spot, request);

        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
        assertThat(decision.violations()).extracting(Violation::code).containsExactly("spot-without-checkpointing");
    }

    @Test
    void deadlineCriticalWorkMayNotUseSpotEvenWithCheckpoints() {
        var spotRequest = priced(request(G5_EU_CENTRAL_1, 1, 10), PurchaseOption.SPOT).checkpointing(true)
                .deadlineCritical(true).build();
        var onDemand = request(G5_EU_CENTRAL_1, 1, 10).deadlineCritical(true).build();

        assertThat(evaluate(spot, spotRequest).violations()).extracting(Violation::code)
                .containsExactly("spot-for-deadline-critical");
        assertThat(evaluate(spot, onDemand).outcome()).isEqualTo(Outcome.ALLOW);
    }
}
