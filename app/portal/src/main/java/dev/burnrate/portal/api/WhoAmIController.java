package dev.burnrate.portal.api;

import dev.burnrate.portal.api.token.ApiTokenService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the token acts as: lets a script or the CLI check its token before it does real work. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Tokens")
class WhoAmIController {

    /** The caller: user name, roles, team ids, and the token's name and scopes. */
    record Me(String username, Set<Role> roles, Set<Long> teamIds, String token, List<String> scopes) {
    }

    private final CurrentUser currentUser;

    WhoAmIController(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The user and scopes of the calling token")
    Me me() {
        Object details = SecurityContextHolder.getContext().getAuthentication().getDetails();
        ApiTokenService.TokenDetails token = details instanceof ApiTokenService.TokenDetails d ? d : null;
        return new Me(currentUser.requireUsername(), currentUser.roles(), currentUser.teamIds(),
                token == null ? null : token.name(),
                token == null ? List.of() : token.scopes().stream().sorted().map(ApiScope::id).toList());
    }
}
