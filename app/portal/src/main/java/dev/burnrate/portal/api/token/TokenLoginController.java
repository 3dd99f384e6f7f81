package dev.burnrate.portal.api.token;

import dev.burnrate.portal.api.ApiProblem;
import dev.burnrate.portal.api.ApiProblems;
import dev.burnrate.portal.api.ApiScope;
import dev.burnrate.portal.audit.AuditService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CLI's login exchange ({@code burnrate login}, as {@code gh auth login}): a local user's name and password for
 * a new token of that user. Open to anonymous callers, so it is throttled (per user name and per client address)
 * and every failure is audited. Service accounts have no password and disabled users cannot log in: both are refused
 * with the same answer as a wrong password, so the answer tells a guesser nothing about the account.
 */
@RestController
@RequestMapping("/api/v1/auth/token")
@Tag(name = "Tokens")
class TokenLoginController {

    /** Scopes of a CLI token when the request names none: what the CLI's commands need, nothing that changes capacity. */
    static final Set<ApiScope> DEFAULT_SCOPES = EnumSet.of(ApiScope.READ, ApiScope.ESTIMATE, ApiScope.IMPORT);
    static final String DEFAULT_NAME = "cli";

    /** The exchange's request; only {@code username} and {@code password} are required. */
    record LoginRequest(String username, String password, String name, List<String> scopes, Integer expiresInDays) {

        @Override
        public String toString() {
            return "LoginRequest[username=" + username + ", password=<hidden>]";
        }
    }

    /** Refused without checking the password: too many recent failures. */
    static final class Throttled extends RuntimeException {
        final Duration retryAfter;

        Throttled(Duration retryAfter) {
            super("Too many failed logins: try again in " + seconds(retryAfter) + " s");
            this.retryAfter = retryAfter;
        }
    }

    private final DaoAuthenticationProvider passwords;
    private final TokenLoginThrottle throttle;
    private final ApiTokenService tokens;
    private final AuditService audit;
    private final Clock clock;

    TokenLoginController(UserDetailsService users, PasswordEncoder passwordEncoder, TokenLoginThrottle throttle,
                         ApiTokenService tokens, AuditService audit, Clock clock) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.throttle = throttle;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping
    @SecurityRequirements
    @Operation(summary = "Exchange a local user's name and password for a new API token (the CLI's login)")
    TokenJson.Created login(@RequestBody LoginRequest request, HttpServletRequest http) {
        if (request.username() == null || request.username().isBlank() || request.password() == null
                || request.password().isEmpty()) {
            throw ApiProblem.badRequest("Give username and password", List.of(
                    new ApiProblem.FieldError(request.username() == null || request.username().isBlank()
                            ? "username" : "password", "is required")));
        }
        String username = request.username().strip();
        String address = http.getRemoteAddr();
        Optional<Duration> wait = throttle.retryAfter(username, address);
        if (wait.isPresent()) {
            throw new Throttled(wait.get());
        }
        // Checked before the password so a bad request is not counted as a guess.
        Set<ApiScope> scopes = request.scopes() == null ? DEFAULT_SCOPES : TokenJson.scopes(request.scopes());
        var expiresAt = TokenJson.expiry(request.expiresInDays(), null, clock);
        Authentication user;
        try {
            user = passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, request.password()));
        } catch (AuthenticationException e) {
            throttle.recordFailure(username, address);
            audit.recordAs(username, "auth.token-login-failed", "user:" + username, null,
                    Map.of("reason", e.getClass().getSimpleName(), "client", address));
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "Wrong user name or password, or the account cannot log in (disabled, or a service account)");
        }
        throttle.recordSuccess(username);
        String name = request.name() == null || request.name().isBlank() ? DEFAULT_NAME : request.name();
        try {
            // the checked user without the password the check needed
            Authentication owner = UsernamePasswordAuthenticationToken.authenticated(user.getName(), null,
                    user.getAuthorities());
            CreatedToken created = AsUser.call(owner, () -> tokens.create(name, scopes, expiresAt));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("token", "token:" + created.id());
            after.put("client", address);
            audit.recordAs(user.getName(), "auth.token-login", "user:" + user.getName(), null, after);
            return TokenJson.Created.of(created);
        } catch (IllegalArgumentException e) {
            throw TokenJson.invalid(e);
        }
    }

    @ExceptionHandler(Throttled.class)
    ResponseEntity<ProblemDetail> throttled(Throttled e) {
        ResponseEntity<ProblemDetail> problem = ApiProblems.problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                e.getMessage(), List.of());
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header("Retry-After", String.valueOf(seconds(e.retryAfter))).body(problem.getBody());
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
