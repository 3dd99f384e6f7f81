package dev.burnrate.portal.support;

import dev.burnrate.portal.security.Role;
import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Runs service calls as a user in tests that call services directly. Sets the context both on the static holder
 * (read by {@code CurrentUser}) and on the application context's own strategy bean (used by method security): when
 * several portals run in one test JVM, each installs its own strategy and the static one belongs to the last.
 */
public final class RunAs {

    private RunAs() {
    }

    public static <T> T user(ApplicationContext app, String name, Supplier<T> work, Role... roles) {
        SecurityContextHolderStrategy own = app.getBeanProvider(SecurityContextHolderStrategy.class)
                .getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        SecurityContext previousOwn = own.getContext();
        SecurityContext previousStatic = SecurityContextHolder.getContext();
        SecurityContext context = own.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null,
                Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList()));
        own.setContext(context);
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            own.setContext(previousOwn);
            SecurityContextHolder.setContext(previousStatic);
        }
    }
}
