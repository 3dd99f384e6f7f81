package dev.burnrate.portal.serviceaccount;

import dev.burnrate.portal.api.ApiScope;
import dev.burnrate.portal.api.token.ApiTokenService;
import dev.burnrate.portal.api.token.CreatedToken;
import dev.burnrate.portal.api.token.TokenSummary;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.user.Team;
import dev.burnrate.portal.user.UserRepository;
import dev.burnrate.portal.user.UserValidationException;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service accounts: users without a password that pipelines act as through API tokens. ADMIN only; every change
 * is audited in the same transaction.
 */
@Service
public class ServiceAccountService {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

    private final ServiceAccountRepository accounts;
    private final UserRepository users;
    private final AuditService audit;
    private final ApiTokenService tokens;

    public ServiceAccountService(ServiceAccountRepository accounts, UserRepository users, AuditService audit,
                                 ApiTokenService tokens) {
        this.accounts = accounts;
        this.users = users;
        this.audit = audit;
        this.tokens = tokens;
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(readOnly = true)
    public List<ServiceAccount> findAll() {
        return accounts.findAll();
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(readOnly = true)
    public ServiceAccount find(long id) {
        return accounts.findById(id).orElseThrow(() -> new NoSuchElementException("No service account " + id));
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public ServiceAccount create(ServiceAccountDraft draft) {
        String username = draft.username() == null ? "" : draft.username().trim();
        if (!USERNAME.matcher(username).matches()) {
            throw new UserValidationException("username",
                    "Name must start with a letter and use 2-64 lower-case letters, digits, '.', '_' or '-'");
        }
        if (users.existsByUsername(username)) {
            throw new UserValidationException("username", "Name '" + username + "' is taken by a user or service account");
        }
        validate(draft);
        long id = accounts.insert(username, draft.displayName().trim());
        users.replaceRoles(id, draft.roles());
        users.replaceTeams(id, draft.teamIds());
        ServiceAccount created = find(id);
        audit.record("service-account.create", target(created), null, auditView(created));
        return created;
    }

    /** Changes the display name, roles and teams; the name stays (tokens and audit entries refer to it). */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public ServiceAccount update(long id, ServiceAccountDraft draft) {
        ServiceAccount before = find(id);
        validate(draft);
        accounts.updateDisplayName(id, draft.displayName().trim());
        users.replaceRoles(id, draft.roles());
        users.replaceTeams(id, draft.teamIds());
        ServiceAccount after = find(id);
        audit.record("service-account.update", target(after), auditView(before), auditView(after));
        return after;
    }

    /** A disabled account's tokens stop working at once (authentication reads the account on every request). */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public ServiceAccount setEnabled(long id, boolean enabled) {
        ServiceAccount before = find(id);
        users.setEnabled(id, enabled);
        ServiceAccount after = find(id);
        audit.record(enabled ? "service-account.enable" : "service-account.disable", target(after),
                auditView(before), auditView(after));
        return after;
    }

    /** Teams by name, for the API (the UI picks from {@link #findTeams()}); an unknown name is a field error. */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(readOnly = true)
    public Set<Long> teamIds(List<String> names) {
        Set<Long> ids = new LinkedHashSet<>();
        for (int i = 0; names != null && i < names.size(); i++) {
            String name = names.get(i);
            long id = users.findTeamByName(name == null ? "" : name.strip()).map(Team::id)
                    .orElseThrow(() -> new UserValidationException("teams", "No team '" + name + "'"));
            ids.add(id);
        }
        return ids;
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(readOnly = true)
    public List<Team> findTeams() {
        return users.findTeams();
    }

    /** The account's tokens, newest first (never their secrets). */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(readOnly = true)
    public List<TokenSummary> tokens(long id) {
        return tokens.ownedBy(find(id).username());
    }

    /**
     * A new token for the account (audited by the token service as {@code token.create} with the account as owner);
     * its secret is in the answer only. The admin scope only for accounts with the ADMIN role.
     */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public CreatedToken createToken(long id, String name, Set<ApiScope> scopes, Instant expiresAt) {
        ServiceAccount account = find(id);
        if (!account.enabled()) {
            throw new IllegalArgumentException("account: " + account.username() + " is disabled; enable it first");
        }
        return tokens.createFor(account.username(), name, scopes, expiresAt, account.roles().contains(Role.ADMIN));
    }

    /** Revokes one of the account's tokens; a token of anyone else is "not found" here. */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public void revokeToken(long id, long tokenId) {
        if (tokens(id).stream().noneMatch(token -> token.id() == tokenId)) {
            throw new NoSuchElementException("Service account " + id + " has no token " + tokenId);
        }
        tokens.revoke(tokenId);
    }

    private void validate(ServiceAccountDraft draft) {
        if (draft.displayName() == null || draft.displayName().isBlank()) {
            throw new UserValidationException("displayName", "Description is required (what the account is for)");
        }
        if (draft.displayName().trim().length() > 200) {
            throw new UserValidationException("displayName", "Description must have at most 200 characters");
        }
        if (draft.roles().isEmpty()) {
            throw new UserValidationException("roles", "Pick at least one role");
        }
        if (!users.teamsExist(draft.teamIds())) {
            throw new UserValidationException("teams", "A selected team does not exist");
        }
    }

    static String target(ServiceAccount account) {
        return "service-account:" + account.username();
    }

    static Map<String, Object> auditView(ServiceAccount account) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("username", account.username());
        view.put("displayName", account.displayName());
        view.put("enabled", account.enabled());
        view.put("roles", account.roles().stream().map(Enum::name).sorted().toList());
        view.put("teams", account.teams().stream().map(Team::name).sorted().toList());
        return view;
    }
}
