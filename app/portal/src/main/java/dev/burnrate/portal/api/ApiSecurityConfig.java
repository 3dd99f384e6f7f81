package dev.burnrate.portal.api;

import dev.burnrate.portal.api.token.ApiTokenService;
import dev.burnrate.portal.api.token.MetricsScrapeAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The API's own filter chain, ahead of the browser one: bearer tokens only, no session, no CSRF (no cookie
 * authenticates here, so there is nothing to forge), no login page. Which scope an endpoint needs is declared on the
 * controller method ({@code @PreAuthorize("hasAuthority('SCOPE_read')")}); roles and team scoping stay in the
 * services, the same as for the UI.
 */
@Configuration
public class ApiSecurityConfig {

    static final String[] API_PATHS = {"/api/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui/**", "/swagger-ui.html", "/actuator/**", "/mcp", "/mcp/**"};

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokenService tokens,
                                       SecurityContextHolderStrategy contexts, MetricsScrapeAccess metricsScrape)
            throws Exception {
        http.securityMatcher(API_PATHS)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, contexts),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**",
                                "/swagger-ui.html").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers("/actuator/prometheus").access(metricsScrape)
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> ProblemWriter.write(response,
                                HttpStatus.UNAUTHORIZED, "Unauthorized",
                                "This needs an API token: 'Authorization: Bearer <token>'", request.getRequestURI()))
                        .accessDeniedHandler((request, response, e) -> ProblemWriter.write(response,
                                HttpStatus.FORBIDDEN, "Forbidden", "Your token's scopes do not allow this",
                                request.getRequestURI())))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; "
                                + "img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }
}
