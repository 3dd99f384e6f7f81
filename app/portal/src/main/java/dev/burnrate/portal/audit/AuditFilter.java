package dev.burnrate.portal.audit;

import java.time.Instant;

/** Filters for the audit log view; null fields do not filter. */
public record AuditFilter(String actor, String action, Instant from, Instant to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null);
    }
}
