package dev.burnrate.portal.security;

import static dev.burnrate.portal.db.Tables.USERS;
import static dev.burnrate.portal.db.Tables.USER_ROLES;

import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads users and their roles from the database for form login (and the API's login exchange). Disabled users
 * cannot log in; service accounts have no password and are not found here at all, so they never log in, and users
 * of the identity provider (no password either) log in only through it.
 */
@Service
class DatabaseUserDetailsService implements UserDetailsService {

    private final DSLContext dsl;

    DatabaseUserDetailsService(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    @PermitAll // called by form login, before anyone is authenticated
    public UserDetails loadUserByUsername(String username) {
        var user = dsl.selectFrom(USERS).where(USERS.USERNAME.eq(username)).fetchOne();
        if (user == null || user.getServiceAccount()) {
            throw new UsernameNotFoundException("No such user");
        }
        if (user.getPasswordHash() == null) {
            // Users created by SSO have no password: only the identity provider logs them in.
            throw new UsernameNotFoundException("User signs in through single sign-on");
        }
        List<SimpleGrantedAuthority> authorities = dsl.select(USER_ROLES.ROLE).from(USER_ROLES)
                .where(USER_ROLES.USER_ID.eq(user.getId()))
                .fetch(role -> new SimpleGrantedAuthority("ROLE_" + role.value1()));
        return User.withUsername(user.getUsername())
                .password(user.getPasswordHash())
                .authorities(authorities)
                .disabled(!user.getEnabled())
                .build();
    }
}
