package dev.burnrate.engine.policy.continuous;

import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.PolicyEvaluator;
import dev.burnrate.engine.policy.PolicyInput;
import dev.burnrate.engine.policy.budget.BudgetStatus;
import dev.burnrate.engine.policy.budget.BudgetStatusProvider;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.burnrate.engine.policy.PolicyFixtures.G5_EU_CENTRAL_1;
import static dev.burnrate.engine.policy.PolicyFixtures.P5_US_EAST_1;
import static dev.burnrate.engine.policy.PolicyFixtures.evaluator;
import static dev.burnrate.engine.policy.PolicyFixtures.parse;
import static dev.burnrate.engine.policy.PolicyFixtures.request;
import static dev.burnrate.engine.policy.PolicyFixtures.resource;
import static dev.burnrate.engine.policy.PolicyFixtures.spend;
import static org.assertj.core.api.Assertions.assertThat;

class ContinuousEvaluatorTest {
    private final Policy gdpr = resource("realistic/gdpr-eu-residency.yaml");
    private final Policy budget = resource("realistic/ml-research-budget.yaml");
    private final List<Policy> policies = List.of(gdpr, budget);
    private final ContinuousEvaluator continuous = new ContinuousEvaluator(evaluator());

    /** A running resource in us-east-1 holding personal EU data, and a compliant one. */
    private final List<PolicyInput> inventory = List.of(
            request(P5_US_EAST_1, 1, 100).resource("i-0abc").dataClassification("personal-eu").build(),
            request(G5_EU_CENTRAL_1, 1, 100).resource("i-0def").build());
    private final ScanInput scan = new ScanInput(inventory, Set.of(), Set.of());

    @Test
    void aFirstScanRaisesTheViolationAndTheHighestThresholdCrossed() {
        ScanResult result = continuous.scan(policies, scan, spend("ml-research", new BudgetStatus(125_000, 0, 0)),
                Set.of());

        assertThat(result.newAlerts()).extracting(Alert::kind, Alert::severity, Alert::resource).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Alert.Kind.VIOLATION, Outcome.DENY, "i-0abc"),
                org.assertj.core.groups.Tuple.tuple(Alert.Kind.BUDGET_THRESHOLD, Outcome.REQUIRE_APPROVAL,
                        "ml-research-budget/monthly|team:ml-research|month:2026-11-01T00:00:00Z"));
        Alert violation = result.newAlerts().get(0);
        assertThat(violation.team()).isEqualTo("ml-research");
        assertThat(violation.evidence()).containsEntry("jurisdiction", "US");
        Alert threshold = result.newAlerts().get(1);
        assertThat(threshold.team()).isEqualTo("ml-research");
        assertThat(threshold.message()).contains("spend reaches $125,000.00 of $150,000.00 (83.3%)", "80% threshold");
        assertThat(threshold.evidence()).containsEntry("actual", 125_000.0).containsEntry("request_cost", 0.0);
        assertThat(result.activeKeys()).hasSize(2);
    }

    @Test
    void whatWasRaisedBeforeIsNotRaisedAgainButStaysActive() {
        BudgetStatusProvider status = spend("ml-research", new BudgetStatus(125_000, 0, 0));
        ScanResult first = continuous.scan(policies, scan, status, Set.of());

        ScanResult second = continuous.scan(policies, scan, status, first.activeKeys());

        assertThat(second.newAlerts()).isEmpty();
        assertThat(second.activeKeys()).isEqualTo(first.activeKeys());
    }

    @Test
    void crossingTheNextThresholdRaisesOnlyThat() {
        Set<String> raised = new HashSet<>(continuous.scan(policies, scan,
                spend("ml-research", new BudgetStatus(125_000, 0, 0)), Set.of()).activeKeys());

        ScanResult later = continuous.scan(policies, scan, spend("ml-research", new BudgetStatus(151_000, 0, 0)),
                raised);

        assertThat(later.newAlerts()).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Outcome.DENY);
            assertThat(alert.message()).contains("100% threshold");
        });
    }

    @Test
    void editingAPolicyDoesNotReRaiseButANewMonthDoes() {
        BudgetStatusProvider status = spend("ml-research", new BudgetStatus(125_000, 0, 0));
        Set<String> raised = continuous.scan(policies, scan, status, Set.of()).activeKeys();

        List<Policy> edited = List.of(gdpr.withVersion(2), budget.withVersion(5));
        assertThat(continuous.scan(edited, scan, status, raised).newAlerts()).isEmpty();

        Clock december = Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC);
        ScanResult nextMonth = new ContinuousEvaluator(new PolicyEvaluator(december))
                .scan(edited, scan, status, raised);
        assertThat(nextMonth.newAlerts()).singleElement().extracting(Alert::kind)
                .isEqualTo(Alert.Kind.BUDGET_THRESHOLD);
    }

    @Test
    void budgetsOfTeamsWithoutRunningResourcesAreCheckedAndScopesRespected() {
        ScanInput noResources = new ScanInput(List.of(), Set.of("ml-research", "analytics"), Set.of());
        BudgetStatusProvider everyoneOver = key -> new BudgetStatus(200_000, 0, 0);

        ScanResult result = continuous.scan(policies, noResources, everyoneOver, Set.of());

        assertThat(result.newAlerts()).extracting(Alert::team).containsExactly("ml-research");
    }

    @Test
    void aProjectedCrossingIsItsOwnAlertAndAuditPoliciesOnlyWarn() {
        Policy audit = parse(budget.source().replace("name: ML", "mode: audit\nname: ML"));

        ScanResult result = continuous.scan(List.of(audit), scan, spend("ml-research", new BudgetStatus(80_000, 0, 150)),
                Set.of());

        assertThat(result.newAlerts()).extracting(Alert::severity).containsOnly(Outcome.WARN);
        assertThat(result.newAlerts()).extracting(Alert::key).anySatisfy(k -> assertThat(k).endsWith("|projected|100.0"))
                .anySatisfy(k -> assertThat(k).endsWith("|committed|50.0"));
    }
}
