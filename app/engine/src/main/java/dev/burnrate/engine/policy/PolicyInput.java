package dev.burnrate.engine.policy;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.Region;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The facts a policy judges: a provisioning request, or a running resource described the same way.
 *
 * @param resource           what is judged, as violations name it: a request id or a resource id
 * @param team               the owning team
 * @param project            the project, or {@code null}
 * @param providerId         the cloud provider's id
 * @param region             where it runs, with its jurisdiction and compliance facts
 * @param offering           the instance type and prices, or {@code null} for things without one (a bucket)
 * @param count              number of instances
 * @param purchaseOption     on-demand, spot or committed
 * @param hourlyCost         estimated cost per hour for all instances together, in {@link #currency()}
 * @param expectedTotal      the simulator's expected total for the planned duration (0 when not estimated)
 * @param p90Total           the simulator's P90 total (0 when not estimated)
 * @param duration           planned run time, or {@code null} when it runs until stopped
 * @param dataClassification e.g. {@code public}, {@code internal}, {@code personal-eu}, {@code phi}; or null
 * @param tags               resource tags
 * @param encryptedAtRest    volumes and storage encrypted at rest
 * @param encryptedInTransit traffic encrypted in transit
 * @param privateNetwork     no public IPs
 * @param checkpointing      the workload checkpoints and survives interruptions (fault tolerant)
 * @param deadlineCritical   the workload must finish by a deadline
 */
public record PolicyInput(String resource, String team, String project, String providerId, Region region,
                          Offering offering, int count, PurchaseOption purchaseOption, double hourlyCost,
                          double expectedTotal, double p90Total, Duration duration, String dataClassification,
                          Map<String, String> tags, boolean encryptedAtRest, boolean encryptedInTransit,
                          boolean privateNetwork, boolean checkpointing, boolean deadlineCritical) {

    public PolicyInput {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(purchaseOption, "purchaseOption");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        requireCost("hourlyCost", hourlyCost);
        requireCost("expectedTotal", expectedTotal);
        requireCost("p90Total", p90Total);
        if (duration != null && duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        tags = Map.copyOf(tags == null ? Map.of() : tags);
    }

    private static void requireCost(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite, non-negative number: " + value);
        }
    }

    /** The currency of the cost figures: the offering's prices' (USD for requests without an offering). */
    public String currency() {
        return offering == null ? Prices.DEFAULT_CURRENCY : offering.prices().currency();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().resource(resource).team(team).project(project).providerId(providerId).region(region)
                .offering(offering).count(count).purchaseOption(purchaseOption).hourlyCost(hourlyCost)
                .expectedTotal(expectedTotal).p90Total(p90Total).duration(duration)
                .dataClassification(dataClassification).tags(tags).encryptedAtRest(encryptedAtRest)
                .encryptedInTransit(encryptedInTransit).privateNetwork(privateNetwork).checkpointing(checkpointing)
                .deadlineCritical(deadlineCritical);
    }

    /** Builds a {@link PolicyInput}; the provider id defaults to the offering's. */
    public static final class Builder {
        private String resource;
        private String team;
        private String project;
        private String providerId;
        private Region region;
        private Offering offering;
        private int count = 1;
        private PurchaseOption purchaseOption = PurchaseOption.ON_DEMAND;
        private double hourlyCost;
        private double expectedTotal;
        private double p90Total;
        private Duration duration;
        private String dataClassification;
        private Map<String, String> tags = new TreeMap<>();
        private boolean encryptedAtRest;
        private boolean encryptedInTransit;
        private boolean privateNetwork;
        private boolean checkpointing;
        private boolean deadlineCritical;

        public Builder resource(String v) { resource = v; return this; }
        public Builder team(String v) { team = v; return this; }
        public Builder project(String v) { project = v; return this; }
        public Builder providerId(String v) { providerId = v; return this; }
        public Builder region(Region v) { region = v; return this; }
        public Builder count(int v) { count = v; return this; }
        public Builder purchaseOption(PurchaseOption v) { purchaseOption = v; return this; }
        public Builder hourlyCost(double v) { hourlyCost = v; return this; }
        public Builder expectedTotal(double v) { expectedTotal = v; return this; }
        public Builder p90Total(double v) { p90Total = v; return this; }
        public Builder duration(Duration v) { duration = v; return this; }
        public Builder dataClassification(String v) { dataClassification = v; return this; }
        public Builder tags(Map<String, String> v) { tags = new TreeMap<>(v); return this; }
        public Builder tag(String key, String value) { tags.put(key, value); return this; }
        public Builder encryptedAtRest(boolean v) { encryptedAtRest = v; return this; }
        public Builder encryptedInTransit(boolean v) { encryptedInTransit = v; return this; }
        public Builder encrypted(boolean v) { encryptedAtRest = v; encryptedInTransit = v; return this; }
        public Builder privateNetwork(boolean v) { privateNetwork = v; return this; }
        public Builder checkpointing(boolean v) { checkpointing = v; return this; }
        public Builder deadlineCritical(boolean v) { deadlineCritical = v; return this; }

        public Builder offering(Offering v) {
            offering = v;
            if (v != null && providerId == null) {
                providerId = v.providerId();
            }
            return this;
        }

        public PolicyInput build() {
            return new PolicyInput(resource, team, project, providerId, region, offering, count, purchaseOption,
                    hourlyCost, expectedTotal, p90Total, duration, dataClassification, tags, encryptedAtRest,
                    encryptedInTransit, privateNetwork, checkpointing, deadlineCritical);
        }
    }
}
