package dev.burnrate.portal.provisioning;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.StorageOffering;
import java.time.Instant;
import java.util.Map;

/** A provisioning request as stored, with its decision and state. */
public record StoredRequest(String id, long teamId, String team, String project, String requestedBy,
                            Template template, String name, String providerId, String regionId, String instanceType,
                            int count, PurchaseOption purchaseOption, Double durationHours, String dataClassification,
                            Map<String, String> tags, boolean encrypted, boolean privateNetwork, boolean checkpointing,
                            boolean deadlineCritical, double hourlyCost, double expectedTotal, double p90Total,
                            String estimateSource, String outcome, RequestState state, boolean needsFinance,
                            Long decisionId, String failure, String resourceId, Instant createdAt, Instant updatedAt,
                            String estimateCurrency) {

    /** The stored estimate, in the currency of the offering it was priced from. */
    public Estimate estimate() {
        return new Estimate(hourlyCost, expectedTotal, p90Total, hourlyCost * Estimate.HOURS_PER_MONTH,
                estimateSource, estimateCurrency);
    }

    /** The draft this request was made from, to compare a retried submit with. */
    public RequestDraft draft() {
        return new RequestDraft(template, team, project, name, providerId, regionId, instanceType, count,
                purchaseOption, durationHours, dataClassification, tags, encrypted, privateNetwork, checkpointing,
                deadlineCritical);
    }

    public String describe() {
        String storageClass = StorageOffering.storageClassOf(instanceType);
        if (storageClass != null) {
            return count + " GB bucket (" + storageClass + ") in " + providerId + "/" + regionId;
        }
        return count + " x " + instanceType + " in " + providerId + "/" + regionId;
    }
}
