package dev.burnrate.portal.api.token;

import static dev.burnrate.portal.db.Tables.API_TOKENS;
import static dev.burnrate.portal.db.Tables.USERS;

import dev.burnrate.portal.api.ApiScope;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, checks and revokes API tokens. A token acts as its owner: the owner's roles and teams, read fresh on every
 * request (a disabled owner's tokens stop at once), narrowed to the token's scopes.
 */
@Service
public class ApiTokenService {

    /** The longest a token may live: pipelines rotate tokens at least yearly. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(366);
    /** Last-used times are written at most this often per token, so a busy pipeline does not write on every call. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final int LAST_USED_ENTRIES = 10_000;

    private final ApiTokenRepository tokens;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;
    private final Map<Long, Instant> lastUsedWritten = new ConcurrentHashMap<>();

    public ApiTokenService(ApiTokenRepository tokens, CurrentUser currentUser, AuditService audit, Clock clock) {
        this.tokens = tokens;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a token for the signed-in user; its secret is in the answer and nowhere else. */
    @PermitAll
    @Transactional
    public CreatedToken create(String name, Set<ApiScope> scopes, Instant expiresAt) {
        String owner = currentUser.requireUsername();
        return createFor(owner, name, scopes, expiresAt, currentUser.roles().contains(Role.ADMIN));
    }

    /**
     * Creates a token for {@code owner}: the signed-in user, or a service account when an ADMIN asks (nobody mints
     * tokens for another person). {@code adminAllowed}: whether the owner may hold the admin scope.
     */
    @PermitAll
    @Transactional
    public CreatedToken createFor(String owner, String name, Set<ApiScope> scopes, Instant expiresAt,
                                  boolean adminAllowed) {
        String caller = currentUser.requireUsername();
        if (!caller.equals(owner) && !(currentUser.hasRole(Role.ADMIN) && tokens.isServiceAccount(owner))) {
            throw new AccessDeniedException("Tokens are created for yourself, or by an administrator for a service account");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<String> problems = new ArrayList<>();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            problems.add("name: give the token a name of 1 to 100 characters");
        }
        if (scopes == null || scopes.isEmpty()) {
            problems.add("scopes: choose at least one scope");
        } else if (scopes.contains(ApiScope.ADMIN) && !adminAllowed) {
            problems.add("scopes: only administrators' tokens may have the admin scope");
        }
        if (expiresAt == null || !expiresAt.isAfter(now)) {
            problems.add("expiresAt: the expiry must be in the future");
        } else if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            problems.add("expiresAt: a token may live at most " + MAX_LIFETIME.toDays() + " days");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        long userId = tokens.userId(owner).orElseThrow(() -> new IllegalArgumentException("No user " + owner));
        String secret = ApiTokenSecrets.newSecret();
        TokenSummary token = tokens.insert(userId, trimmed, ApiTokenSecrets.hash(secret),
                ApiTokenSecrets.displayPrefix(secret), EnumSet.copyOf(scopes), currentUser.actor(), now,
                expiresAt.truncatedTo(ChronoUnit.MICROS));
        audit.record("token.create", "token:" + token.id(), null, auditView(token));
        return new CreatedToken(token, secret);
    }

    /** Checks a presented secret. Called by the API's authentication filter, before anyone is authenticated. */
    @PermitAll
    public TokenCheck check(String secret) {
        if (!ApiTokenSecrets.looksLikeToken(secret)) {
            return new TokenCheck.Refused("malformed token");
        }
        Optional<ApiTokenRepository.Presented> found = tokens.findByHash(ApiTokenSecrets.hash(secret));
        if (found.isEmpty()) {
            return new TokenCheck.Refused("unknown token");
        }
        ApiTokenRepository.Presented presented = found.get();
        TokenSummary token = presented.token();
        Instant now = clock.instant();
        if (token.revokedAt() != null) {
            return new TokenCheck.Refused("token revoked");
        }
        if (!token.expiresAt().isAfter(now)) {
            return new TokenCheck.Refused("token expired");
        }
        if (!presented.ownerEnabled()) {
            return new TokenCheck.Refused("the token's user is disabled");
        }
        recordUse(token.id(), now);
        List<GrantedAuthority> authorities = new ArrayList<>();
        presented.ownerRoles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        token.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority(scope.authority())));
        var authentication = UsernamePasswordAuthenticationToken.authenticated(token.owner(), null, authorities);
        authentication.setDetails(new TokenDetails(token.id(), token.name(), token.scopes()));
        return new TokenCheck.Valid(authentication);
    }

    /** The signed-in user's tokens, newest first. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<TokenSummary> mine() {
        return tokens.find(USERS.USERNAME.eq(currentUser.requireUsername()));
    }

    /** Tokens of one owner (a service account's, for its admin). */
    @PermitAll
    @Transactional(readOnly = true)
    public List<TokenSummary> ownedBy(String owner) {
        if (!owner.equals(currentUser.requireUsername()) && !currentUser.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("Only administrators see other users' tokens");
        }
        return tokens.find(USERS.USERNAME.eq(owner));
    }

    /** Revokes a token of the signed-in user's, or any token for an ADMIN. Revoking twice changes nothing. */
    @PermitAll
    @Transactional
    public void revoke(long id) {
        TokenSummary token = tokens.find(API_TOKENS.ID.eq(id)).stream().findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("No token " + id));
        if (!token.owner().equals(currentUser.requireUsername()) && !currentUser.hasRole(Role.ADMIN)) {
            // the same answer as for a missing token, so token ids of other users cannot be probed
            throw new java.util.NoSuchElementException("No token " + id);
        }
        if (tokens.revoke(id, currentUser.actor(), clock.instant().truncatedTo(ChronoUnit.MICROS))) {
            audit.record("token.revoke", "token:" + id, auditView(token), null);
        }
    }

    private void recordUse(long tokenId, Instant now) {
        Instant written = lastUsedWritten.get(tokenId);
        if (written == null || written.plus(LAST_USED_RESOLUTION).isBefore(now)) {
            if (lastUsedWritten.size() >= LAST_USED_ENTRIES) {
                // entries older than the resolution decide nothing any more: drop them, so the map stays as small as
                // the number of tokens used in the last minute
                lastUsedWritten.values().removeIf(at -> at.plus(LAST_USED_RESOLUTION).isBefore(now));
            }
            lastUsedWritten.put(tokenId, now);
            tokens.touch(tokenId, now.truncatedTo(ChronoUnit.MICROS));
        }
    }

    private static Map<String, Object> auditView(TokenSummary token) {
        return Map.of("owner", token.owner(), "name", token.name(), "prefix", token.prefix(),
                "scopes", ApiScope.format(token.scopes()), "expiresAt", token.expiresAt().toString());
    }

    /** What the API knows about the token a request came with (the authentication's details). */
    public record TokenDetails(long tokenId, String name, Set<ApiScope> scopes) {
    }
}
