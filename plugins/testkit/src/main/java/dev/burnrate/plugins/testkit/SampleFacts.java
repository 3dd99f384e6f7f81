package dev.burnrate.plugins.testkit;

import dev.burnrate.api.ComplianceFacts;
import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.Region;
import dev.burnrate.api.RuleFacts;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Requests of the kinds the portal judges, for rule type tests: a GPU training job, a large spot job, a CPU notebook
 * without tags and a storage-like request without an offering's accelerators (since API 1.3.0).
 */
public final class SampleFacts {
    public static final Region US_EAST = new Region("us-east-1", "US East (N. Virginia)", "US", "US",
            new ComplianceFacts(false, true, true, true, true));
    public static final Region EU_CENTRAL = new Region("eu-central-1", "Europe (Frankfurt)", "DE", "EU",
            new ComplianceFacts(true, true, true, true, true));
    public static final Offering P5 = new Offering("aws", "p5.48xlarge", "us-east-1", "H100", 8, 192, 2048,
            "Amazon Elastic Compute Cloud", new Prices(55.04, 17.03, null, null, "catalog"));
    public static final Offering G5 = new Offering("aws", "g5.12xlarge", "eu-central-1", "A10G", 4, 48, 192,
            "Amazon Elastic Compute Cloud", new Prices(7.09, 2.53, null, null, "catalog"));
    public static final Offering C7 = new Offering("aws", "c7i.2xlarge", "eu-central-1", null, 0, 8, 16,
            "Amazon Elastic Compute Cloud", new Prices(0.41, 0.16, null, null, "catalog"));

    private SampleFacts() {
    }

    public static List<RuleFacts> all() {
        return List.of(
                facts("req-train", "ml-research", US_EAST, P5, 1, PurchaseOption.ON_DEMAND, Duration.ofHours(72),
                        Map.of("owner", "ada", "cost-center", "cc-42")),
                facts("req-big-spot", "ml-research", US_EAST, P5, 4, PurchaseOption.SPOT, Duration.ofHours(24),
                        Map.of("owner", "ada")),
                facts("req-notebook", "analytics", EU_CENTRAL, C7, 1, PurchaseOption.ON_DEMAND, Duration.ofHours(8),
                        Map.of()),
                facts("req-serving", "analytics", EU_CENTRAL, G5, 2, PurchaseOption.ON_DEMAND, null,
                        Map.of("owner", "lin")));
    }

    public static RuleFacts facts(String subject, String team, Region region, Offering offering, int count,
                                  PurchaseOption option, Duration duration, Map<String, String> tags) {
        double hourly = (option == PurchaseOption.SPOT && offering.prices().spot() != null
                ? offering.prices().spot() : offering.prices().onDemand()) * count;
        double hours = duration == null ? 730 : duration.toMinutes() / 60.0;
        return new RuleFacts(subject, team, null, offering.providerId(), region, offering, count, option, hourly,
                hourly * hours, hourly * hours * 1.1, offering.prices().currency(), duration, "internal", tags, true,
                true, true, option == PurchaseOption.SPOT, false);
    }
}
