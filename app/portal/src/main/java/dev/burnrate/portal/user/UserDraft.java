package dev.burnrate.portal.user;

import dev.burnrate.portal.security.Role;
import java.util.Set;

/**
 * What an admin enters to create or change a user. {@code password} is null or empty when it is not being set.
 */
public record UserDraft(String username, String displayName, String email, String password, Set<Role> roles,
                        Set<Long> teamIds) {

    public UserDraft {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        teamIds = teamIds == null ? Set.of() : Set.copyOf(teamIds);
    }
}
