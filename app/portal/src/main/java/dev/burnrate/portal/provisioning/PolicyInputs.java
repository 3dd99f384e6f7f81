package dev.burnrate.portal.provisioning;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Region;
import dev.burnrate.engine.policy.PolicyInput;
import java.time.Duration;

/** Turns requests and resources into what the policy engine judges. */
final class PolicyInputs {

    private PolicyInputs() {
    }

    static PolicyInput of(String resource, RequestDraft d, Region region, Offering offering, Estimate estimate) {
        return PolicyInput.builder()
                .resource(resource)
                .team(d.team())
                .project(blankToNull(d.project()))
                .providerId(d.providerId())
                .region(region)
                .offering(offering)
                .count(d.count())
                .purchaseOption(d.purchaseOption())
                .hourlyCost(estimate.hourlyCost())
                .expectedTotal(estimate.expectedTotal())
                .p90Total(estimate.p90Total())
                .duration(d.durationHours() == null ? null : Duration.ofSeconds(Math.round(d.durationHours() * 3600)))
                .dataClassification(d.dataClassification())
                .tags(d.tags())
                .encrypted(d.encrypted())
                .privateNetwork(d.privateNetwork())
                .checkpointing(d.checkpointing())
                .deadlineCritical(d.deadlineCritical())
                .build();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
