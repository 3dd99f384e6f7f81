package dev.burnrate.portal.policy;

import java.time.Instant;

/** A policy as stored: its current version's facts. */
public record StoredPolicy(String id, int version, String name, String mode, String scope, boolean enabled,
                           Instant updatedAt, String updatedBy, String source) {
}
