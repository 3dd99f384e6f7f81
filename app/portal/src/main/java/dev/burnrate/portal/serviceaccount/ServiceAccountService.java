package dev.burnrate.portal.serviceaccount;

import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.user.Team;
import dev.burnrate.portal.user.UserRepository;
import dev.burnrate.portal.user.UserValidationException;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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

    public ServiceAccountService(ServiceAccountRepository accounts, UserRepository users, AuditService audit) {
        this.accounts = accounts;
        this.users = users;
        this.audit = audit;
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
