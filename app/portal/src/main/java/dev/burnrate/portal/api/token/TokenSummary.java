package dev.burnrate.portal.api.token;

import dev.burnrate.portal.api.ApiScope;
import java.time.Instant;
import java.util.Set;

/** A token as lists show it: never its secret. */
public record TokenSummary(long id, String owner, String name, String prefix, Set<ApiScope> scopes,
                           String createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt,
                           Instant lastUsedAt) {

    public boolean active(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
