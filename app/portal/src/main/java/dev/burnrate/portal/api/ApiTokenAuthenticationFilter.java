package dev.burnrate.portal.api;

import dev.burnrate.portal.api.token.ApiTokenService;
import dev.burnrate.portal.api.token.TokenCheck;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests by {@code Authorization: Bearer <token>}. A request without the header goes on
 * anonymous (the chain then decides whether that is allowed); a request with a bad, expired or revoked token is
 * answered 401 at once with the reason, so a pipeline sees why rather than a generic "unauthorised".
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenService tokens;
    private final SecurityContextHolderStrategy contexts;

    ApiTokenAuthenticationFilter(ApiTokenService tokens, SecurityContextHolderStrategy contexts) {
        this.tokens = tokens;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            ProblemWriter.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "Use 'Authorization: Bearer <token>' with an API token", request.getRequestURI());
            return;
        }
        TokenCheck check = tokens.check(header.substring(BEARER.length()).strip());
        if (check instanceof TokenCheck.Refused refused) {
            ProblemWriter.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", refused.reason(),
                    request.getRequestURI());
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(((TokenCheck.Valid) check).authentication());
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
