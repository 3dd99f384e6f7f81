package dev.burnrate.portal.serviceaccount;

import dev.burnrate.portal.security.Role;
import java.util.Set;

/** What an admin enters to create or change a service account ({@code username} is fixed once created). */
public record ServiceAccountDraft(String username, String displayName, Set<Role> roles, Set<Long> teamIds) {

    public ServiceAccountDraft {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        teamIds = teamIds == null ? Set.of() : Set.copyOf(teamIds);
    }
}
