package dev.burnrate.portal.provisioning;

import dev.burnrate.engine.policy.Decision;

/** What the form shows while it changes: the estimate and what the policies would decide now. */
public record Preview(Estimate estimate, Decision decision) {
}
