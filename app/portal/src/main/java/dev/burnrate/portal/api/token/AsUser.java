package dev.burnrate.portal.api.token;

import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work as a user who has just proved who they are (the login exchange's password check), so the services'
 * authorisation and audit see that user; the caller's (anonymous) context is restored afterwards.
 */
final class AsUser {

    private AsUser() {
    }

    static <T> T call(Authentication user, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(user);
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
