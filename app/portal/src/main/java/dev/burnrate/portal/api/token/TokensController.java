package dev.burnrate.portal.api.token;

import dev.burnrate.portal.api.ApiPage;
import dev.burnrate.portal.api.ApiScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calling user's own tokens. A token can create tokens only with scopes it has itself, so a narrow token
 * handed to a pipeline cannot mint a wider one.
 */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "Tokens")
class TokensController {

    /**
     * Managing one's own tokens needs no scope in particular (any token has one); what a token may create is
     * limited by the scopes it has itself.
     */
    static final String ANY_SCOPE = "hasAnyAuthority('SCOPE_read', 'SCOPE_estimate', 'SCOPE_provision', "
            + "'SCOPE_import', 'SCOPE_admin')";

    private final ApiTokenService tokens;
    private final Clock clock;

    TokensController(ApiTokenService tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "List your tokens (never their secrets), newest first")
    ApiPage<TokenJson.Info> list(@RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        Instant now = clock.instant();
        return ApiPage.Request.of(page, size).slice(tokens.mine().stream().map(t -> TokenJson.Info.of(t, now)).toList());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ANY_SCOPE)
    @Operation(summary = "Create a token for yourself; the secret is in this answer only")
    TokenJson.Created create(@RequestBody TokenJson.Request request) {
        Set<ApiScope> scopes = TokenJson.scopes(request.scopes());
        TokenJson.requireCallerHas(scopes, callingTokenScopes());
        try {
            return TokenJson.Created.of(tokens.create(request.name(), scopes,
                    TokenJson.expiry(request.expiresInDays(), request.expiresAt(), clock)));
        } catch (IllegalArgumentException e) {
            throw TokenJson.invalid(e);
        }
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(ANY_SCOPE)
    @Operation(summary = "Revoke one of your tokens (at once; revoking twice changes nothing)")
    void revoke(@PathVariable long id) {
        // own tokens only, even for an ADMIN (whose service call could revoke anyone's): that is what this path is
        if (tokens.mine().stream().noneMatch(token -> token.id() == id)) {
            throw new NoSuchElementException("No token " + id);
        }
        tokens.revoke(id);
    }

    private static Set<ApiScope> callingTokenScopes() {
        Object details = SecurityContextHolder.getContext().getAuthentication().getDetails();
        return details instanceof ApiTokenService.TokenDetails token ? token.scopes() : Set.of();
    }
}
