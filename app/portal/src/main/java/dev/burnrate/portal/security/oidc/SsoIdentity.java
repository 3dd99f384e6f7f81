package dev.burnrate.portal.security.oidc;

import java.util.List;

/** Who the identity provider says logged in: what provisioning needs from the ID token and user info. */
record SsoIdentity(String issuer, String subject, String username, String displayName, String email,
        List<String> groups) {
}
