package dev.burnrate.portal.security.oidc;

import dev.burnrate.portal.security.oidc.SsoLoginResult.Reason;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Adds the OIDC authorisation code flow to the UI's filter chain, next to form login and on the same login page:
 * {@code /oauth2/authorization/oidc} sends the browser to the provider, {@code /login/oauth2/code/oidc} takes it back.
 * Present only with {@code burnrate.oidc.enabled=true}.
 */
@Component
@ConditionalOnBooleanProperty("burnrate.oidc.enabled")
public class OidcLogin {

    /** Where the login page's button points. */
    public static final String AUTHORIZATION_PATH = "oauth2/authorization/" + OidcProperties.REGISTRATION_ID;

    private static final Logger log = LoggerFactory.getLogger(OidcLogin.class);
    private static final Set<String> REFUSAL_CODES = Arrays.stream(Reason.values()).map(Reason::code)
            .collect(Collectors.toUnmodifiableSet());

    private final OidcProperties properties;
    private final SsoUserProvisioning provisioning;

    OidcLogin(OidcProperties properties, SsoUserProvisioning provisioning) {
        require(properties.issuerUri(), "issuer-uri");
        require(properties.clientId(), "client-id");
        if (properties.groupMapping().isEmpty()) {
            log.warn("burnrate.oidc is enabled without burnrate.oidc.group-mapping: every SSO login will be refused");
        }
        this.properties = properties;
        this.provisioning = provisioning;
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("burnrate.oidc.enabled=true needs burnrate.oidc." + name);
        }
    }

    public void configure(HttpSecurity http, String loginPage) throws Exception {
        AuthenticationFailureHandler failures = failureHandler(loginPage);
        http.oauth2Login(oauth -> oauth
                .loginPage(loginPage)
                .clientRegistrationRepository(new LazyOidcClientRegistrations(properties))
                // Tokens live in the session and go with it, not in an ever-growing in-memory map.
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .userInfoEndpoint(userInfo -> userInfo
                        .oidcUserService(new BurnrateOidcUserService(provisioning, properties)))
                .failureHandler(failures)
                // The provider unreachable on the way out (discovery fails): the login page says so, not a 500.
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(failures);
                        return filter;
                    }
                }));
    }

    /** Back to the login page with a code it turns into a message; the provider's own text is never shown. */
    private static AuthenticationFailureHandler failureHandler(String loginPage) {
        return (request, response, exception) -> {
            String code = exception instanceof OAuth2AuthenticationException oauth
                    && REFUSAL_CODES.contains(oauth.getError().getErrorCode())
                    ? oauth.getError().getErrorCode() : "sso-failed";
            if ("sso-failed".equals(code)) {
                log.info("SSO login failed: {}", exception.getMessage());
            }
            response.sendRedirect(request.getContextPath() + loginPage + "?sso=" + code);
        };
    }
}
