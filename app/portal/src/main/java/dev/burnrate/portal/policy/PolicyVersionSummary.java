package dev.burnrate.portal.policy;

import java.time.Instant;

/** One saved version of a policy. */
public record PolicyVersionSummary(String policyId, int version, String name, String mode, String comment,
                                   Instant createdAt, String createdBy, String source) {
}
