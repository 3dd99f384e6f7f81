package dev.burnrate.portal.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.burnrate.portal.security.oidc.OidcLogin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Form login through the Vaadin login view (and OIDC single sign-on beside it when configured), CSRF protection on
 * (Vaadin's own requests carry their token), a new session id at login against session fixation, and security
 * headers. Method security lets services enforce roles.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
public class SecurityConfig {

    // Vaadin needs inline styles and scripts, and 'unsafe-eval' in production too: its client (FlowClient.js, the
    // same in the production bundle) runs every executeJs/callJsFunction through the Function constructor, which CSP
    // counts as eval; without it the login page and every view stop working (ContentSecurityPolicyIT shows the
    // refusal, and fails once Vaadin no longer needs it). ECharts itself needs no eval. All else is same-origin.
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws: wss:; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<OidcLogin> oidcLogin) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/frontend/**", "/webjars/**", "/images/**", "/favicon.ico").permitAll());
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        // Written before the request is handled, not when the response is committed: Vaadin's page (index HTML)
        // response otherwise went out without the policy and with Vaadin's own X-Frame-Options: SAMEORIGIN.
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.deny())
                .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        // SSO beside form login, on the same login page (only with burnrate.oidc.enabled).
        OidcLogin oidc = oidcLogin.getIfAvailable();
        if (oidc != null) {
            oidc.configure(http, "/login");
        }
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    /** BCrypt by default, in the delegating format ({@code {bcrypt}...}) so the algorithm can change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
