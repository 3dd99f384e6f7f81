package dev.burnrate.engine.policy;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.engine.policy.budget.BudgetStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.burnrate.engine.policy.PolicyFixtures.C3_EDGE_1;
import static dev.burnrate.engine.policy.PolicyFixtures.G5_EU_CENTRAL_1;
import static dev.burnrate.engine.policy.PolicyFixtures.P5_EU_NORTH_1;
import static dev.burnrate.engine.policy.PolicyFixtures.P5_US_EAST_1;
import static dev.burnrate.engine.policy.PolicyFixtures.evaluator;
import static dev.burnrate.engine.policy.PolicyFixtures.priced;
import static dev.burnrate.engine.policy.PolicyFixtures.request;
import static dev.burnrate.engine.policy.PolicyFixtures.resource;
import static dev.burnrate.engine.policy.PolicyFixtures.spend;
import static org.assertj.core.api.Assertions.assertThat;

/** Realistic requests against a realistic policy set (src/test/resources/policy/realistic), with what must happen. */
class RealisticRequestsTest {
    private static final List<Policy> POLICIES = Stream.of("gdpr-eu-residency", "hipaa", "security-baseline",
                    "tagging", "spot-discipline", "ml-research-budget", "analytics-hardware", "cost-guardrail")
            .map(name -> resource("realistic/" + name + ".yaml")).toList();
    private static final Set<ApproverRole> APPROVER = Set.of(ApproverRole.APPROVER);
    private static final Set<ApproverRole> FINANCE = Set.of(ApproverRole.APPROVER, ApproverRole.FINANCE);

    /** @param mlResearchSpend where the ML research team's month stands before the request */
    record Case(String name, PolicyInput input, BudgetStatus mlResearchSpend, Outcome outcome, List<String> codes,
                Set<ApproverRole> approvers) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final BudgetStatus FRESH = BudgetStatus.empty();

    static Stream<Case> cases() {
        return Stream.of(
                new Case("H100 training in Stockholm on personal EU data", request(P5_EU_NORTH_1, 1, 24)
                        .dataClassification("personal-eu").tag("data-classification", "personal-eu").build(),
                        FRESH, Outcome.ALLOW, List.of(), Set.of()),
                new Case("H100 training in N. Virginia on personal EU data", request(P5_US_EAST_1, 1, 24)
                        .dataClassification("personal-eu").tag("data-classification", "personal-eu").build(),
                        FRESH, Outcome.DENY, List.of("jurisdiction-not-allowed"), Set.of()),
                new Case("two p5 for three days with the budget at $115k", request(P5_EU_NORTH_1, 2, 72).build(),
                        new BudgetStatus(100_000, 15_000, 0), Outcome.REQUIRE_APPROVAL,
                        List.of("budget-committed-80%"), FINANCE),
                new Case("a day of p5 with the budget at $149k", request(P5_EU_NORTH_1, 1, 24).build(),
                        new BudgetStatus(149_000, 0, 0), Outcome.DENY, List.of("budget-committed-100%"), Set.of()),
                new Case("a day of p5 with the budget half spent", request(P5_EU_NORTH_1, 1, 24).build(),
                        new BudgetStatus(75_000, 0, 0), Outcome.WARN, List.of("budget-committed-50%"), Set.of()),
                new Case("a fresh month burning $250 an hour", request(P5_EU_NORTH_1, 1, 24).build(),
                        new BudgetStatus(30_000, 0, 250), Outcome.WARN, List.of("budget-projected-100%"), Set.of()),
                new Case("spot training without checkpoints", priced(request(P5_EU_NORTH_1, 1, 48),
                        PurchaseOption.SPOT).build(), FRESH, Outcome.DENY, List.of("spot-without-checkpointing"),
                        Set.of()),
                new Case("spot training with checkpoints", priced(request(P5_EU_NORTH_1, 1, 48),
                        PurchaseOption.SPOT).checkpointing(true).build(), FRESH, Outcome.ALLOW, List.of(), Set.of()),
                new Case("deadline-critical fine-tune on spot", priced(request(P5_EU_NORTH_1, 1, 48),
                        PurchaseOption.SPOT).checkpointing(true).deadlineCritical(true).build(), FRESH, Outcome.DENY,
                        List.of("spot-for-deadline-critical"), Set.of()),
                new Case("analytics asks for an H100", request(P5_EU_NORTH_1, 1, 8).team("analytics").build(),
                        FRESH, Outcome.DENY, List.of("accelerator-not-allowed", "instance-family-not-allowed"),
                        Set.of()),
                new Case("analytics A10G notebook in Frankfurt", request(G5_EU_CENTRAL_1, 1, 8).team("analytics")
                        .duration(null).build(), FRESH, Outcome.ALLOW, List.of(), Set.of()),
                new Case("inference endpoint with a public IP", request(G5_EU_CENTRAL_1, 2, 720)
                        .privateNetwork(false).build(), FRESH, Outcome.REQUIRE_APPROVAL, List.of("public-network"),
                        APPROVER),
                new Case("nine p5 at once ($530/h)", request(P5_EU_NORTH_1, 9, 10).build(), FRESH,
                        Outcome.REQUIRE_APPROVAL, List.of("hourly-cost-exceeded"), APPROVER),
                new Case("PHI batch job on an edge site", request(C3_EDGE_1, 1, 4).dataClassification("phi")
                        .tag("data-classification", "phi").build(), FRESH, Outcome.DENY,
                        List.of("region-not-hipaa-eligible", "phi-not-encrypted", "encryption-at-rest-unsupported",
                                "encryption-in-transit-unsupported", "private-network-unsupported"), Set.of()),
                new Case("untagged request", request(G5_EU_CENTRAL_1, 1, 8).tags(Map.of()).build(), FRESH,
                        Outcome.DENY, List.of("missing-tag:cost-center", "missing-tag:owner",
                        "missing-tag:data-classification"), Set.of()),
                new Case("platform team has no budget policy", request(P5_EU_NORTH_1, 1, 24).team("platform")
                        .build(), new BudgetStatus(1_000_000, 0, 0), Outcome.ALLOW, List.of(), Set.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(Case c) {
        Decision decision = evaluator().evaluate(POLICIES, c.input(), spend("ml-research", c.mlResearchSpend()));

        assertThat(decision.outcome()).as("outcome").isEqualTo(c.outcome());
        assertThat(decision.violations()).extracting(Violation::code).as("violations")
                .containsExactlyInAnyOrderElementsOf(c.codes());
        assertThat(decision.approverRoles()).as("approvers").isEqualTo(c.approvers());
        assertThat(decision.violations()).allSatisfy(v -> {
            assertThat(v.message()).isNotBlank();
            assertThat(v.evidence()).isNotEmpty();
            assertThat(v.resource()).isEqualTo("req-1");
        });
    }
}
