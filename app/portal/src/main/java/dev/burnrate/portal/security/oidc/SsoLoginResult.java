package dev.burnrate.portal.security.oidc;

import dev.burnrate.portal.security.Role;
import java.util.Set;

/** The outcome of an SSO login for Burnrate: the local user it became, or why it was refused. */
sealed interface SsoLoginResult {

    record Accepted(String username, Set<Role> roles) implements SsoLoginResult {
    }

    record Refused(Reason reason) implements SsoLoginResult {
    }

    /** Why a login the identity provider accepted is refused here; the code travels to the login page. */
    enum Reason {
        /** None of the user's groups is mapped to a Burnrate role. */
        NO_MAPPED_GROUP("sso-no-group"),
        /** The user name is taken by a local user or by another identity: never take over an account. */
        USERNAME_TAKEN("sso-conflict"),
        /** The user name claim is missing or not a valid Burnrate user name. */
        BAD_USERNAME("sso-username"),
        /** An administrator disabled the local user. */
        DISABLED("sso-disabled");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }
    }
}
