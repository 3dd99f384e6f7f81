package dev.burnrate.portal.serviceaccount;

import dev.burnrate.portal.api.ApiPage;
import dev.burnrate.portal.api.ApiProblem;
import dev.burnrate.portal.api.ApiProblems;
import dev.burnrate.portal.api.ApiScope;
import dev.burnrate.portal.api.token.ApiTokenService;
import dev.burnrate.portal.api.token.TokenJson;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.user.Team;
import dev.burnrate.portal.user.UserValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Service accounts and their tokens over the API: a token with the admin scope of an ADMIN user. */
@RestController
@RequestMapping("/api/v1/service-accounts")
@Tag(name = "Service accounts")
class ServiceAccountController {

    /** Every operation: a token with the admin scope, of a user with the ADMIN role. */
    static final String ADMIN = "hasAuthority('SCOPE_admin') and hasRole('ADMIN')";

    /** A service account; {@code teams} by name. */
    record Account(long id, String username, String displayName, boolean enabled, List<String> roles,
                   List<String> teams, Instant createdAt) {

        static Account of(ServiceAccount a) {
            return new Account(a.id(), a.username(), a.displayName(), a.enabled(),
                    a.roles().stream().map(Enum::name).sorted().toList(), a.teams().stream().map(Team::name).toList(),
                    a.createdAt());
        }
    }

    /** Create or change an account: roles as ADMIN, FINANCE, APPROVER, ENGINEER; teams by name. */
    record AccountRequest(String username, String displayName, List<String> roles, List<String> teams) {
    }

    private final ServiceAccountService accounts;
    private final Clock clock;

    ServiceAccountController(ServiceAccountService accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @PreAuthorize(ADMIN)
    @GetMapping
    @Operation(summary = "List service accounts")
    ApiPage<Account> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return ApiPage.Request.of(page, size).slice(accounts.findAll().stream().map(Account::of).toList());
    }

    @PreAuthorize(ADMIN)
    @GetMapping("/{id}")
    @Operation(summary = "One service account")
    Account get(@PathVariable long id) {
        return Account.of(accounts.find(id));
    }

    @PreAuthorize(ADMIN)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a service account (no password: it acts only through tokens)")
    Account create(@RequestBody AccountRequest request) {
        return Account.of(accounts.create(draft(request)));
    }

    @PreAuthorize(ADMIN)
    @PutMapping("/{id}")
    @Operation(summary = "Change a service account's description, roles and teams (the name stays)")
    Account update(@PathVariable long id, @RequestBody AccountRequest request) {
        ServiceAccount current = accounts.find(id);
        if (request.username() != null && !request.username().equals(current.username())) {
            throw ApiProblem.badRequest("A service account cannot be renamed",
                    List.of(new ApiProblem.FieldError("username", "must stay " + current.username())));
        }
        return Account.of(accounts.update(id, draft(request)));
    }

    @PreAuthorize(ADMIN)
    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable a service account: its tokens stop working at once")
    Account disable(@PathVariable long id) {
        return Account.of(accounts.setEnabled(id, false));
    }

    @PreAuthorize(ADMIN)
    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable a service account again")
    Account enable(@PathVariable long id) {
        return Account.of(accounts.setEnabled(id, true));
    }

    @PreAuthorize(ADMIN)
    @GetMapping("/{id}/tokens")
    @Operation(summary = "A service account's tokens (never their secrets)")
    List<TokenJson.Info> tokens(@PathVariable long id) {
        Instant now = clock.instant();
        return accounts.tokens(id).stream().map(token -> TokenJson.Info.of(token, now)).toList();
    }

    @PreAuthorize(ADMIN)
    @PostMapping("/{id}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a token for a service account; the secret is in this answer only")
    TokenJson.Created createToken(@PathVariable long id, @RequestBody TokenJson.Request request) {
        Set<ApiScope> scopes = TokenJson.scopes(request.scopes());
        TokenJson.requireCallerHas(scopes, callingTokenScopes());
        try {
            return TokenJson.Created.of(accounts.createToken(id, request.name(), scopes,
                    TokenJson.expiry(request.expiresInDays(), request.expiresAt(), clock)));
        } catch (IllegalArgumentException e) {
            throw TokenJson.invalid(e);
        }
    }

    @PreAuthorize(ADMIN)
    @DeleteMapping("/{id}/tokens/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a service account's token")
    void revokeToken(@PathVariable long id, @PathVariable long tokenId) {
        accounts.revokeToken(id, tokenId);
    }

    @ExceptionHandler(UserValidationException.class)
    ResponseEntity<ProblemDetail> invalid(UserValidationException e) {
        return ApiProblems.problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(),
                List.of(new ApiProblem.FieldError(e.field(), e.getMessage())));
    }

    private ServiceAccountDraft draft(AccountRequest request) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> names = request.roles() == null ? List.of() : request.roles();
        for (int i = 0; i < names.size(); i++) {
            try {
                roles.add(Role.valueOf(String.valueOf(names.get(i)).strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("Unknown role '" + names.get(i) + "'", List.of(new ApiProblem.FieldError(
                        "roles[" + i + "]", "use one of ADMIN, FINANCE, APPROVER, ENGINEER")));
            }
        }
        return new ServiceAccountDraft(request.username(), request.displayName(), roles,
                accounts.teamIds(request.teams()));
    }

    private static Set<ApiScope> callingTokenScopes() {
        Object details = SecurityContextHolder.getContext().getAuthentication().getDetails();
        return details instanceof ApiTokenService.TokenDetails token ? token.scopes() : Set.of();
    }
}
