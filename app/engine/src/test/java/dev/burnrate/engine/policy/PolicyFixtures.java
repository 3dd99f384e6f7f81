package dev.burnrate.engine.policy;

import dev.burnrate.api.ComplianceFacts;
import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.Region;
import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.engine.policy.budget.BudgetStatus;
import dev.burnrate.engine.policy.budget.BudgetStatusProvider;
import dev.burnrate.engine.policy.schema.PolicyParser;
import dev.burnrate.engine.policy.schema.PolicyValidationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Shared test data. Prices are public AWS list and spot prices (USD per instance-hour) from the SkyPilot project's
 * catalog (skypilot-org/skypilot-catalog, aws v9). Region compliance facts are fixture values chosen to exercise the
 * rules; {@code edge-1} is a made-up region with few guarantees.
 */
public final class PolicyFixtures {
    /** 10 November 2026, noon UTC: 20.5 days (492 hours) left in the month. */
    public static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final ComplianceFacts FULL = new ComplianceFacts(false, true, true, true, true);
    private static final ComplianceFacts FULL_GDPR = new ComplianceFacts(true, true, true, true, true);

    public static final Region US_EAST_1 = new Region("us-east-1", "US East (N. Virginia)", "US", "US", FULL);
    public static final Region EU_CENTRAL_1 = new Region("eu-central-1", "Europe (Frankfurt)", "DE", "EU", FULL_GDPR);
    public static final Region EU_NORTH_1 = new Region("eu-north-1", "Europe (Stockholm)", "SE", "EU", FULL_GDPR);
    public static final Region EU_WEST_2 = new Region("eu-west-2", "Europe (London)", "GB", "UK", FULL_GDPR);
    public static final Region EDGE_1 = new Region("edge-1", "Edge site (fixture)", "US", "US",
            new ComplianceFacts(false, false, false, false, false));

    public static final Offering P5_US_EAST_1 = aws("p5.48xlarge", "us-east-1", "H100", 8, 192, 2048, 55.04, 17.0252);
    public static final Offering P5_EU_NORTH_1 = aws("p5.48xlarge", "eu-north-1", "H100", 8, 192, 2048, 58.8928,
            10.5722);
    public static final Offering P5_EU_WEST_2 = aws("p5.48xlarge", "eu-west-2", "H100", 8, 192, 2048, 71.552, 12.4269);
    public static final Offering G5_EU_CENTRAL_1 = aws("g5.12xlarge", "eu-central-1", "A10G", 4, 48, 192, 7.09282,
            3.1236);
    public static final Offering G5_US_EAST_1 = aws("g5.12xlarge", "us-east-1", "A10G", 4, 48, 192, 5.672, 2.0453);
    public static final Offering C3_EU_CENTRAL_1 = aws("c3.2xlarge", "eu-central-1", null, 0, 8, 15, 0.516, 0.2344);
    public static final Offering C3_EDGE_1 = aws("c3.2xlarge", "edge-1", null, 0, 8, 15, 0.42, 0.1729);

    private PolicyFixtures() {
    }

    private static Offering aws(String type, String region, String accelerator, int accelerators, double vcpus,
                                double memory, double onDemand, Double spot) {
        return new Offering("aws", type, region, accelerator, accelerators, vcpus, memory,
                "Amazon Elastic Compute Cloud", new Prices(onDemand, spot, null, null, "catalog"));
    }

    public static Region region(String id) {
        return List.of(US_EAST_1, EU_CENTRAL_1, EU_NORTH_1, EU_WEST_2, EDGE_1).stream()
                .filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * A compliant, well-tagged on-demand request: {@code count} instances for {@code hours}, costed at the
     * offering's price (the expected total is the price times hours; P90 10% more).
     */
    public static PolicyInput.Builder request(Offering offering, int count, double hours) {
        double hourly = offering.prices().forOption(PurchaseOption.ON_DEMAND) * count;
        return PolicyInput.builder()
                .resource("req-1").team("ml-research").project("llm-pretrain")
                .region(region(offering.regionId())).offering(offering).count(count)
                .hourlyCost(hourly).expectedTotal(hourly * hours).p90Total(hourly * hours * 1.1)
                .duration(Duration.ofMinutes(Math.round(hours * 60)))
                .dataClassification("internal").encrypted(true).privateNetwork(true)
                .tags(Map.of("cost-center", "CC-1234", "owner", "ana@example.com", "data-classification", "internal"));
    }

    /** Re-prices a request for another purchase option. */
    public static PolicyInput.Builder priced(PolicyInput.Builder builder, PurchaseOption option) {
        PolicyInput input = builder.build();
        double hourly = input.offering().prices().forOption(option) * input.count();
        double hours = input.duration().toMinutes() / 60.0;
        return builder.purchaseOption(option).hourlyCost(hourly).expectedTotal(hourly * hours)
                .p90Total(hourly * hours * 1.1);
    }

    public static Policy parse(String yaml) {
        try {
            return new PolicyParser(RuleRegistry.standard()).parse(yaml, 1);
        } catch (PolicyValidationException e) {
            throw new AssertionError("fixture policy refused: " + e.getMessage(), e);
        }
    }

    public static Policy resource(String name) {
        try (InputStream in = PolicyFixtures.class.getResourceAsStream("/policy/" + name)) {
            if (in == null) {
                throw new AssertionError("missing test resource /policy/" + name);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PolicyEvaluator evaluator() {
        return new PolicyEvaluator(CLOCK);
    }

    public static Decision evaluate(Collection<Policy> policies, PolicyInput input) {
        return evaluator().evaluate(policies, input, noSpend());
    }

    public static Decision evaluate(Policy policy, PolicyInput input) {
        return evaluate(List.of(policy), input);
    }

    public static BudgetStatusProvider noSpend() {
        return key -> BudgetStatus.empty();
    }

    /** The same figures for every budget account of one scope value (e.g. a team), nothing elsewhere. */
    public static BudgetStatusProvider spend(String scopeValue, BudgetStatus status) {
        return (BudgetKey key) -> key.scopeValue().equals(scopeValue) ? status : BudgetStatus.empty();
    }
}
