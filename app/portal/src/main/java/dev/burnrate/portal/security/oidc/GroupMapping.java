package dev.burnrate.portal.security.oidc;

import dev.burnrate.portal.security.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The identity provider's groups translated into Burnrate roles and teams. Each mapping value is a comma-separated
 * list of {@code ROLE:<role>} and {@code TEAM:<team name>} entries; a user gets the union over all their mapped
 * groups. Parsed once at start-up, so a typo in the configuration stops the portal with a message instead of
 * silently granting nothing.
 */
final class GroupMapping {

    /** What a user's groups grant. */
    record Grant(Set<Role> roles, Set<String> teams) {
    }

    private final Map<String, Grant> byGroup;

    private GroupMapping(Map<String, Grant> byGroup) {
        this.byGroup = byGroup;
    }

    static GroupMapping parse(Map<String, String> mapping) {
        Map<String, Grant> byGroup = new LinkedHashMap<>();
        mapping.forEach((group, value) -> byGroup.put(group.trim(), parseGrant(group, value)));
        return new GroupMapping(byGroup);
    }

    private static Grant parseGrant(String group, String value) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> teams = new TreeSet<>();
        for (String entry : (value == null ? "" : value).split(",")) {
            String item = entry.trim();
            if (item.isEmpty()) {
                continue;
            }
            int colon = item.indexOf(':');
            String kind = colon < 0 ? "" : item.substring(0, colon).trim().toUpperCase(java.util.Locale.ROOT);
            String name = colon < 0 ? "" : item.substring(colon + 1).trim();
            switch (kind) {
                case "ROLE" -> roles.add(role(group, name));
                case "TEAM" -> {
                    if (name.isEmpty()) {
                        throw invalid(group, "'" + item + "' names no team");
                    }
                    teams.add(name);
                }
                default -> throw invalid(group, "'" + item + "' is neither ROLE:<role> nor TEAM:<team>");
            }
        }
        if (roles.isEmpty()) {
            throw invalid(group, "it grants no role (add ROLE:ENGINEER or another role)");
        }
        return new Grant(roles, teams);
    }

    private static Role role(String group, String name) {
        try {
            return Role.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(group, "'" + name + "' is not a role (one of "
                    + java.util.Arrays.toString(Role.values()) + ")");
        }
    }

    private static IllegalArgumentException invalid(String group, String why) {
        return new IllegalArgumentException("burnrate.oidc.group-mapping for group '" + group + "': " + why);
    }

    boolean isEmpty() {
        return byGroup.isEmpty();
    }

    /** The union of what the mapped groups among {@code groups} grant; empty when none of them is mapped. */
    Optional<Grant> resolve(Collection<String> groups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> teams = new TreeSet<>();
        boolean mapped = false;
        for (String group : groups) {
            Grant grant = byGroup.get(group);
            if (grant != null) {
                mapped = true;
                roles.addAll(grant.roles());
                teams.addAll(grant.teams());
            }
        }
        return mapped ? Optional.of(new Grant(roles, teams)) : Optional.empty();
    }
}
