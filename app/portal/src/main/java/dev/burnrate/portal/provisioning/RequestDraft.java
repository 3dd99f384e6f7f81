package dev.burnrate.portal.provisioning;

import dev.burnrate.api.PurchaseOption;
import java.util.Map;
import java.util.TreeMap;

/** What the provisioning form holds; validated by {@link DraftValidator}. */
public record RequestDraft(Template template, String team, String project, String name, String providerId,
                           String regionId, String instanceType, int count, PurchaseOption purchaseOption,
                           Double durationHours, String dataClassification, Map<String, String> tags,
                           boolean encrypted, boolean privateNetwork, boolean checkpointing,
                           boolean deadlineCritical) {

    public RequestDraft {
        tags = tags == null ? Map.of() : Map.copyOf(new TreeMap<>(tags));
    }

    /** This draft placed elsewhere: another region and instance type of the same provider (a capacity failover). */
    public RequestDraft placedAt(String otherRegionId, String otherInstanceType) {
        return new RequestDraft(template, team, project, name, providerId, otherRegionId, otherInstanceType, count,
                purchaseOption, durationHours, dataClassification, tags, encrypted, privateNetwork, checkpointing,
                deadlineCritical);
    }
}
