package dev.burnrate.portal.provisioning;

import dev.burnrate.engine.policy.Decision;

/**
 * What the form shows while it changes: the estimate and what the policies would decide now.
 *
 * @param capacity a sentence when the chosen offering cannot be had now (sold out, over quota) and what the request
 *                 would use instead, else {@code null}; the estimate and decision are those of what it would use
 */
public record Preview(Estimate estimate, Decision decision, String capacity) {

    public Preview(Estimate estimate, Decision decision) {
        this(estimate, decision, null);
    }
}
