package dev.burnrate.api;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The facts a policy rule judges, as the portal's own rule types see them (since API 1.3.0): a provisioning request
 * before anything is created, or a running resource described the same way when the portal checks what runs.
 *
 * @param subject            the request id or resource id judged
 * @param team               the owning team
 * @param project            the project, or {@code null}
 * @param providerId         the cloud provider's id
 * @param region             where it runs, with its jurisdiction and compliance facts
 * @param offering           the instance type with its hardware and prices, or {@code null} for things without
 *                           one
 * @param count              number of instances (at least 1)
 * @param purchaseOption     how it is bought
 * @param hourlyCost         estimated cost per hour of all instances together, in {@code currency}
 * @param expectedTotal      the simulator's expected total for the planned duration (0 when not estimated)
 * @param p90Total           the simulator's P90 total (0 when not estimated)
 * @param currency           the ISO 4217 code of the cost figures
 * @param duration           planned run time, or {@code null} when it runs until stopped
 * @param dataClassification e.g. {@code public}, {@code internal}, {@code personal-eu}, {@code phi}; or
 *                           {@code null}
 * @param tags               resource tags
 * @param encryptedAtRest    volumes and storage encrypted at rest
 * @param encryptedInTransit traffic encrypted in transit
 * @param privateNetwork     no public IPs
 * @param checkpointing      the workload checkpoints and survives interruptions
 * @param deadlineCritical   the workload must finish by a deadline
 */
public record RuleFacts(String subject, String team, String project, String providerId, Region region,
                        Offering offering, int count, PurchaseOption purchaseOption, double hourlyCost,
                        double expectedTotal, double p90Total, String currency, Duration duration,
                        String dataClassification, Map<String, String> tags, boolean encryptedAtRest,
                        boolean encryptedInTransit, boolean privateNetwork, boolean checkpointing,
                        boolean deadlineCritical) {

    public RuleFacts {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(purchaseOption, "purchaseOption");
        Objects.requireNonNull(currency, "currency");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        tags = Map.copyOf(tags == null ? Map.of() : tags);
    }

    /** Accelerators of all instances together (0 without an offering or for CPU-only offerings). */
    public int totalAccelerators() {
        return offering == null ? 0 : offering.acceleratorCount() * count;
    }
}
