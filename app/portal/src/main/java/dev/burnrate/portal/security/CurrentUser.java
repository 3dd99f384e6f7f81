package dev.burnrate.portal.security;

import static dev.burnrate.portal.db.Tables.TEAM_MEMBERS;
import static dev.burnrate.portal.db.Tables.USERS;

import jakarta.annotation.security.PermitAll;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is calling, read from the security context on each call (so it works in views, services and background
 * jobs that set a context). Also the one place that turns "which teams may this user see" into a query condition.
 * Open to every caller: it tells callers only about themselves.
 */
@Component
@PermitAll
public class CurrentUser {

    /** The actor recorded for work done without a logged-in user (start-up, schedules). */
    public static final String SYSTEM = "system";

    private final DSLContext dsl;

    public CurrentUser(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<String> username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(auth.getName());
    }

    /** The user name, or {@link #SYSTEM} when no user is logged in. */
    public String actor() {
        return username().orElse(SYSTEM);
    }

    public String requireUsername() {
        return username().orElseThrow(() -> new AccessDeniedException("Not logged in"));
    }

    public Set<Role> roles() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (auth == null) {
            return roles;
        }
        for (GrantedAuthority authority : auth.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                try {
                    roles.add(Role.valueOf(name.substring(5)));
                } catch (IllegalArgumentException ignored) {
                    // authorities that are not Burnrate roles (e.g. from an SSO provider) carry no rights here
                }
            }
        }
        return roles;
    }

    public boolean hasRole(Role role) {
        return roles().contains(role);
    }

    /** ADMIN and FINANCE see every team's data; everyone else only their own teams'. */
    public boolean seesAllTeams() {
        Set<Role> roles = roles();
        return roles.contains(Role.ADMIN) || roles.contains(Role.FINANCE);
    }

    public Optional<Long> userId() {
        return username().map(name -> dsl.select(USERS.ID).from(USERS).where(USERS.USERNAME.eq(name)).fetchOne(USERS.ID));
    }

    /** The ids of the teams the user belongs to. */
    public Set<Long> teamIds() {
        return username().map(name -> dsl.select(TEAM_MEMBERS.TEAM_ID).from(TEAM_MEMBERS)
                        .join(USERS).on(USERS.ID.eq(TEAM_MEMBERS.USER_ID))
                        .where(USERS.USERNAME.eq(name))
                        .fetchSet(TEAM_MEMBERS.TEAM_ID))
                .orElse(Set.of());
    }

    /**
     * The team-scoping rule as a query condition on a team id column: no restriction for ADMIN and FINANCE,
     * the user's own teams otherwise (nothing when the user has none).
     */
    public Condition teamScope(Field<Long> teamId) {
        if (seesAllTeams()) {
            return DSL.trueCondition();
        }
        Set<Long> teams = teamIds();
        return teams.isEmpty() ? DSL.falseCondition() : teamId.in(teams);
    }

    /** Throws unless the user may see data of {@code teamId}. */
    public void checkTeamAccess(long teamId) {
        if (!seesAllTeams() && !teamIds().contains(teamId)) {
            throw new AccessDeniedException("You are not a member of team " + teamId);
        }
    }
}
