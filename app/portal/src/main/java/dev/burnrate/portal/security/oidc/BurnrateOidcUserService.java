package dev.burnrate.portal.security.oidc;

import dev.burnrate.portal.security.oidc.SsoLoginResult.Accepted;
import dev.burnrate.portal.security.oidc.SsoLoginResult.Refused;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Loads the OIDC user as Spring Security does (ID token checked, user info fetched), then makes it a Burnrate user:
 * provisioned from the group mapping, named by the local user name, with only {@code ROLE_*} authorities, so the
 * session is indistinguishable from a form login's. A refused login fails with the refusal's code as the error.
 */
final class BurnrateOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OAuth2UserService<OidcUserRequest, OidcUser> delegate;
    private final SsoUserProvisioning provisioning;
    private final OidcProperties properties;

    BurnrateOidcUserService(SsoUserProvisioning provisioning, OidcProperties properties) {
        this(new OidcUserService(), provisioning, properties);
    }

    BurnrateOidcUserService(OAuth2UserService<OidcUserRequest, OidcUser> delegate, SsoUserProvisioning provisioning,
            OidcProperties properties) {
        this.delegate = delegate;
        this.provisioning = provisioning;
        this.properties = properties;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidcUser = delegate.loadUser(request);
        SsoIdentity identity = new SsoIdentity(
                String.valueOf(oidcUser.getIdToken().getIssuer()),
                oidcUser.getSubject(),
                stringClaim(oidcUser.getAttribute(properties.usernameClaim())),
                oidcUser.getFullName(),
                oidcUser.getEmail(),
                groups(oidcUser.getAttribute(properties.groupsClaim())));
        return switch (provisioning.provision(identity)) {
            case Accepted accepted -> new BurnrateOidcUser(accepted.username(),
                    accepted.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList(),
                    oidcUser.getIdToken(), oidcUser.getUserInfo());
            case Refused refused -> throw new OAuth2AuthenticationException(
                    new OAuth2Error(refused.reason().code(), "SSO login refused: " + refused.reason(), null));
        };
    }

    private static String stringClaim(Object value) {
        return value == null ? null : value.toString();
    }

    /** Providers send groups as a JSON array, some as one string; anything else counts as no group. */
    static List<String> groups(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(java.util.Objects::nonNull).map(Object::toString).toList();
        }
        if (claim instanceof String single && !single.isBlank()) {
            return List.of(single);
        }
        return List.of();
    }
}
