package dev.burnrate.portal.placement;

/** An offering left out of a ranking, and why (a policy's reason, or why its cost per job is unknown). */
public record Exclusion(String offeringKey, String reason) {
}
