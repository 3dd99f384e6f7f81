package dev.burnrate.portal.api.token;

import dev.burnrate.portal.api.ApiProblem;
import dev.burnrate.portal.api.ApiScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;

/** The JSON shapes of the token endpoints (own tokens, service accounts' tokens, the CLI login exchange). */
public final class TokenJson {

    /** Token lifetime when a request names none. */
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 365;

    private TokenJson() {
    }

    /**
     * A new token: a name, scopes by their lower-case names, and either {@code expiresInDays} (1 to 365, default 30)
     * or {@code expiresAt}.
     */
    public record Request(String name, List<String> scopes, Integer expiresInDays, Instant expiresAt) {
    }

    /** A created token: {@code token} is the secret, shown this once. */
    public record Created(String token, long id, String name, List<String> scopes, Instant expiresAt) {

        public static Created of(CreatedToken created) {
            TokenSummary token = created.token();
            return new Created(created.secret(), token.id(), token.name(), ids(token.scopes()), token.expiresAt());
        }
    }

    /** A token as lists show it; {@code state} is ACTIVE, EXPIRED or REVOKED. */
    public record Info(long id, String owner, String name, String prefix, List<String> scopes, String createdBy,
                       Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt, String state) {

        public static Info of(TokenSummary token, Instant now) {
            return new Info(token.id(), token.owner(), token.name(), token.prefix(), ids(token.scopes()),
                    token.createdBy(), token.createdAt(), token.expiresAt(), token.lastUsedAt(), token.revokedAt(),
                    TokenState.of(token, now).name());
        }
    }

    public static List<String> ids(Set<ApiScope> scopes) {
        return scopes.stream().sorted().map(ApiScope::id).toList();
    }

    /** Parses scope names; unknown names are a 400 naming the entry. Empty stays empty (the service refuses it). */
    public static Set<ApiScope> scopes(List<String> names) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (int i = 0; names != null && i < names.size(); i++) {
            try {
                scopes.add(ApiScope.fromId(names.get(i) == null ? "" : names.get(i)));
            } catch (IllegalArgumentException e) {
                errors.add(new ApiProblem.FieldError("scopes[" + i + "]", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("Unknown scope", errors);
        }
        return scopes;
    }

    /** The expiry a request asks for: {@code expiresAt}, or now plus {@code expiresInDays} (default 30). */
    public static Instant expiry(Integer expiresInDays, Instant expiresAt, Clock clock) {
        if (expiresInDays != null && expiresAt != null) {
            throw ApiProblem.badRequest("Give either expiresInDays or expiresAt, not both",
                    List.of(new ApiProblem.FieldError("expiresInDays", "remove this or expiresAt")));
        }
        if (expiresAt != null) {
            return expiresAt;
        }
        int days = expiresInDays == null ? DEFAULT_DAYS : expiresInDays;
        if (days < 1 || days > MAX_DAYS) {
            throw ApiProblem.badRequest("A token lives 1 to " + MAX_DAYS + " days",
                    List.of(new ApiProblem.FieldError("expiresInDays", "must be between 1 and " + MAX_DAYS)));
        }
        return clock.instant().plus(Duration.ofDays(days));
    }

    /** A token can only hand out scopes it has itself, so a narrow token cannot mint a wider one (403 otherwise). */
    public static void requireCallerHas(Set<ApiScope> requested, Set<ApiScope> callerScopes) {
        Set<ApiScope> missing = EnumSet.noneOf(ApiScope.class);
        missing.addAll(requested);
        missing.removeAll(callerScopes);
        if (!missing.isEmpty()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", "A token cannot create "
                    + "a token with scopes it does not have itself: " + String.join(", ", ids(missing)));
        }
    }

    /** The token service's "field: message; field: message" as a 400 with field errors. */
    public static ApiProblem invalid(IllegalArgumentException e) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (String part : e.getMessage().split("; ")) {
            int colon = part.indexOf(": ");
            errors.add(colon > 0 ? new ApiProblem.FieldError(part.substring(0, colon), part.substring(colon + 2))
                    : new ApiProblem.FieldError("", part));
        }
        return ApiProblem.badRequest("The token request is invalid: " + e.getMessage(), errors);
    }
}
