package dev.burnrate.portal.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.burnrate.api.ComplianceFacts;
import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Offering;
import dev.burnrate.api.Precision;
import dev.burnrate.api.Prices;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.Region;
import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.PolicyEvaluator;
import dev.burnrate.engine.policy.RuleRegistry;
import dev.burnrate.engine.policy.schema.PolicyParser;
import dev.burnrate.portal.budget.BudgetFigures;
import dev.burnrate.portal.plugin.CatalogOffering;
import dev.burnrate.portal.policy.ActivePolicies;
import dev.burnrate.portal.provisioning.ListPriceEstimator;
import dev.burnrate.portal.provisioning.PolicyDryRun;
import dev.burnrate.portal.provisioning.RequestDraft;
import dev.burnrate.portal.provisioning.Template;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rankings whose answer is known by construction: FAST computes twice what SLOW does per accelerator, so a job of
 * 2 SLOW for 10 hours needs 1 FAST for 10 hours, or an instance of 2 FAST for 5 hours; the policies are the real
 * engine's, judging through the same dry run as the /provision preview.
 */
class PlacementRankerTest {

    private static final List<HardwareSpec> SPECS = List.of(spec("SLOW", 100), spec("FAST", 200));

    private static HardwareSpec spec(String model, double bf16) {
        return new HardwareSpec(model, List.of(), HardwareKind.GPU, "Test", 80, 2000, Map.of(Precision.BF16, bf16),
                700, 0, "test datasheet");
    }

    private static CatalogOffering offering(String provider, String region, String jurisdiction, String type,
                                            String accelerator, int count, double onDemand) {
        return new CatalogOffering(provider + "-plugin", provider, provider, new Offering(provider, type, region,
                accelerator, count, 8, 64, "compute", new Prices(onDemand, onDemand / 2, null, null, null)),
                region, "X", jurisdiction, false, true, null, accelerator, null, null);
    }

    private static final CatalogOffering REFERENCE = offering("aws", "us-a", "US", "slow-1", "SLOW", 1, 10);
    private static final List<CatalogOffering> CATALOG = List.of(
            REFERENCE,
            offering("aws", "eu-a", "EU", "slow-1", "SLOW", 1, 10),
            offering("gcp", "eu-b", "EU", "fast-1", "FAST", 1, 15),
            offering("azure", "eu-c", "EU", "fast-2", "FAST", 2, 50),
            offering("aws", "us-a", "US", "fast-1", "FAST", 1, 5),
            offering("gcp", "eu-b", "EU", "mystery-1", "MYSTERY", 1, 1),
            offering("aws", "eu-a", "EU", "cpu-8", null, 0, 0.5));

    private static RequestDraft draft(String classification) {
        return new RequestDraft(Template.GPU_TRAINING, "ml", "p", "run", "aws", "us-a", "slow-1", 2,
                PurchaseOption.ON_DEMAND, 10.0, classification, Map.of(), true, true, true, false);
    }

    private static PlacementRanker.Judge judge(String... policyYaml) {
        ActivePolicies active = mock(ActivePolicies.class);
        List<Policy> policies = java.util.Arrays.stream(policyYaml).map(yaml -> {
            try {
                return new PolicyParser(RuleRegistry.standard()).parse(yaml, 1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        when(active.load()).thenReturn(policies);
        PolicyDryRun dryRun = new PolicyDryRun(active, new PolicyEvaluator(Clock.systemUTC()),
                mock(BudgetFigures.class));
        return (placed, at, estimate) -> dryRun.judge(dryRun.policies(), placed, new Region(at.offering().regionId(),
                at.regionName(), "geo", at.jurisdiction(), new ComplianceFacts(true, false, true, true, true)),
                at.offering(), estimate);
    }

    private static final String RESIDENCY = """
            id: gdpr
            name: GDPR data residency
            scope: all
            mode: enforce
            rules:
              - type: data_residency
                classifications: [personal-eu]
                allowed_jurisdictions: [EU]
            """;

    private static final String SLOW_ONLY = """
            id: hardware
            name: ML hardware
            scope:
              team: ml
            mode: enforce
            rules:
              - type: allowed_hardware
                accelerators: [SLOW]
            """;

    private final PlacementRanker ranker = new PlacementRanker(new ListPriceEstimator(), SPECS, 10);

    @Test
    void ranksByCostPerJobFromThroughputAndLeavesOutWhatThePoliciesDenyWithTheirReason() {
        PlacementRanking ranking = ranker.rank(new PlacementSpec(draft("personal-eu"), REFERENCE.offering()), CATALOG,
                judge(RESIDENCY));
        // 1 FAST x 10 h x 15 = 150; 2 SLOW x 10 h x 10 = 200; 1 instance of 2 FAST x 5 h x 50 = 250. The US offerings
        // (the reference itself at 200, and 1 FAST at 5/h = 50, cheapest of all) hold personal-eu data outside the EU.
        assertThat(ranking.feasible()).extracting(p -> p.offering().key() + " x" + p.instances() + " " + p.hours()
                + "h " + p.estimate().expectedTotal()).containsExactly(
                "gcp/eu-b/fast-1 x1 10.0h 150.0", "aws/eu-a/slow-1 x2 10.0h 200.0", "azure/eu-c/fast-2 x1 5.0h 250.0");
        assertThat(ranking.feasible()).allMatch(p -> p.outcome() == Outcome.ALLOW);
        assertThat(ranking.feasible().getFirst().draft()).extracting(RequestDraft::providerId, RequestDraft::regionId,
                RequestDraft::instanceType, RequestDraft::count).containsExactly("gcp", "eu-b", "fast-1", 1);
        assertThat(ranking.excluded()).extracting(Exclusion::offeringKey, Exclusion::reason).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("aws/us-a/slow-1", "denied by GDPR data residency (data_residency)"),
                org.assertj.core.groups.Tuple.tuple("aws/us-a/fast-1", "denied by GDPR data residency (data_residency)"),
                org.assertj.core.groups.Tuple.tuple("gcp/eu-b/mystery-1", "no hardware spec for MYSTERY: time to finish unknown"));
        assertThat(ranking.exclusionCounts()).containsEntry("denied by GDPR data residency (data_residency)", 2L);
    }

    @Test
    void withoutPersonalDataTheCheapestAnywhereWinsAndTheTeamsHardwarePolicyStillApplies() {
        PlacementRanking open = ranker.rank(new PlacementSpec(draft("internal"), REFERENCE.offering()), CATALOG,
                judge(RESIDENCY));
        assertThat(open.feasible().getFirst().offering().key()).isEqualTo("aws/us-a/fast-1");
        assertThat(open.feasible().getFirst().estimate().expectedTotal()).isEqualTo(50.0);

        PlacementRanking slowOnly = ranker.rank(new PlacementSpec(draft("internal"), REFERENCE.offering()), CATALOG,
                judge(RESIDENCY, SLOW_ONLY));
        assertThat(slowOnly.feasible()).extracting(p -> p.offering().key())
                .containsExactly("aws/eu-a/slow-1", "aws/us-a/slow-1");
        assertThat(slowOnly.exclusionCounts()).containsEntry("denied by ML hardware (allowed_hardware)", 3L);
    }

    @Test
    void anOfferingThePoliciesCannotJudgeIsLeftOutNotAssumedAllowed() {
        PlacementRanker.Judge policies = judge(RESIDENCY);
        PlacementRanking ranking = ranker.rank(new PlacementSpec(draft("internal"), REFERENCE.offering()), CATALOG,
                (placed, at, estimate) -> {
                    if (at.providerId().equals("azure")) {
                        throw new PlacementRanker.CannotJudge("its provider does not list the region");
                    }
                    return policies.judge(placed, at, estimate);
                });
        assertThat(ranking.feasible()).noneMatch(p -> p.offering().providerId().equals("azure"));
        assertThat(ranking.excluded()).contains(new Exclusion("azure/eu-c/fast-2",
                "its provider does not list the region"));
    }

    @Test
    void refusesAReferenceWhoseThroughputIsUnknown() {
        Offering mystery = CATALOG.get(5).offering();
        RequestDraft onMystery = draft("internal").placedAt("eu-b", "mystery-1");
        assertThatThrownBy(() -> ranker.rank(new PlacementSpec(onMystery, mystery), CATALOG, judge()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No hardware spec describes MYSTERY");
    }
}
