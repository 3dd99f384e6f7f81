package dev.burnrate.portal.user;

import dev.burnrate.portal.security.Role;
import java.time.Instant;
import java.util.Set;

/** A user as the admin views show it. No password hash leaves the service. */
public record UserSummary(long id, String username, String displayName, String email, boolean enabled,
                          Set<Role> roles, Set<Team> teams, Instant createdAt) {
}
