package dev.burnrate.portal.security.oidc;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * OIDC single sign-on ({@code burnrate.oidc.*}). Off unless {@code enabled}; local users keep logging in either way.
 *
 * @param enabled       show "Sign in with ..." on the login page and accept logins from the identity provider
 * @param providerName  the provider's name on the login button, e.g. "Keycloak"
 * @param issuerUri     the issuer; its {@code /.well-known/openid-configuration} is read on the first SSO login
 * @param clientId      Burnrate's client id at the provider
 * @param clientSecret  its secret (never logged)
 * @param scopes        scopes asked for ({@code openid} is always added)
 * @param usernameClaim the claim that becomes the local user name (lower-cased), e.g. {@code preferred_username}
 * @param groupsClaim   the claim listing the user's groups (a list, or one string)
 * @param groupMapping  group -> what it grants, e.g. {@code ml-engineers=ROLE:ENGINEER,TEAM:ml-research}; a user in
 *                      no mapped group is refused
 */
@ConfigurationProperties("burnrate.oidc")
public record OidcProperties(boolean enabled, String providerName, String issuerUri, String clientId,
        String clientSecret, List<String> scopes, String usernameClaim, String groupsClaim,
        Map<String, String> groupMapping) {

    /** The one client registration's id; the redirect URI is {@code {baseUrl}/login/oauth2/code/oidc}. */
    public static final String REGISTRATION_ID = "oidc";

    public OidcProperties {
        providerName = blank(providerName) ? "single sign-on" : providerName.trim();
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
        usernameClaim = blank(usernameClaim) ? "preferred_username" : usernameClaim.trim();
        groupsClaim = blank(groupsClaim) ? "groups" : groupsClaim.trim();
        groupMapping = groupMapping == null ? Map.of() : Map.copyOf(groupMapping);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "OidcProperties[enabled=" + enabled + ", providerName=" + providerName + ", issuerUri=" + issuerUri
                + ", clientId=" + clientId + ", clientSecret=" + (blank(clientSecret) ? "unset" : "***")
                + ", scopes=" + scopes + ", usernameClaim=" + usernameClaim + ", groupsClaim=" + groupsClaim
                + ", groupMapping=" + groupMapping + "]";
    }
}
