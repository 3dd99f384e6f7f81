package dev.burnrate.portal.serviceaccount;

import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.user.Team;
import java.time.Instant;
import java.util.Set;

/** A service account as the admin sees it: a user without a password that only acts through API tokens. */
public record ServiceAccount(long id, String username, String displayName, boolean enabled, Set<Role> roles,
                             Set<Team> teams, Instant createdAt) {
}
