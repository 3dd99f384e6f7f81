package dev.burnrate.portal.security;

/** What a user may do. Spring Security sees them as authorities {@code ROLE_<name>}. */
public enum Role {
    /** Manages users, plugins, policies and settings; sees every team's data. */
    ADMIN,
    /** Reviews budgets and spend across all teams; signs budgets off. */
    FINANCE,
    /** Approves or rejects provisioning requests that policies route for approval. */
    APPROVER,
    /** Provisions capacity and simulates cost for their own teams. */
    ENGINEER;

    /** Role names as constants, for annotations such as {@code @RolesAllowed(Role.Names.ADMIN)}. */
    public static final class Names {
        public static final String ADMIN = "ADMIN";
        public static final String FINANCE = "FINANCE";
        public static final String APPROVER = "APPROVER";
        public static final String ENGINEER = "ENGINEER";

        private Names() {
        }
    }
}
