package dev.burnrate.portal.audit;

import java.time.Instant;

/** One audit log row as views and services see it. {@code beforeJson}/{@code afterJson} may be null. */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String target, String beforeJson,
                         String afterJson, String prevHash, String hash) {
}
