package dev.burnrate.portal.api.token;

import java.time.Instant;

/** A token's state as authentication judges it: revoked wins over expired. */
public enum TokenState {
    ACTIVE("Active"), EXPIRED("Expired"), REVOKED("Revoked");

    private final String label;

    TokenState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static TokenState of(TokenSummary token, Instant now) {
        if (token.revokedAt() != null) {
            return REVOKED;
        }
        return token.expiresAt().isAfter(now) ? ACTIVE : EXPIRED;
    }
}
