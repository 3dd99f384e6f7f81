package dev.burnrate.portal.api.token;

import org.springframework.security.core.Authentication;

/** What checking a presented token found: an authentication, or why the token is refused. */
public sealed interface TokenCheck {

    record Valid(Authentication authentication) implements TokenCheck {
    }

    /** {@code reason} is safe to show the caller: it names no owner and no secret. */
    record Refused(String reason) implements TokenCheck {
    }
}
