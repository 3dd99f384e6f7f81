package dev.burnrate.portal.user;

import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and teams. Every change is ADMIN-only and audited in the same transaction; password hashes never leave
 * this class and never reach the audit log.
 */
@Service
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");
    private static final Pattern TEAM_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    static final int MIN_PASSWORD_LENGTH = 8;

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final CurrentUser currentUser;

    public UserService(UserRepository users, PasswordEncoder passwordEncoder, AuditService audit, CurrentUser currentUser) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(readOnly = true)
    public List<UserSummary> findAll() {
        return users.findAll();
    }

    /** Every logged-in user may list team names (forms pick teams); data stays team-scoped elsewhere. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<Team> findTeams() {
        return users.findTeams();
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public UserSummary create(UserDraft draft) {
        String username = draft.username() == null ? "" : draft.username().trim();
        if (!USERNAME.matcher(username).matches()) {
            throw new UserValidationException("username",
                    "User name must start with a letter and use 2-64 lower-case letters, digits, '.', '_' or '-'");
        }
        if (users.existsByUsername(username)) {
            throw new UserValidationException("username", "User name '" + username + "' is taken");
        }
        validateCommon(draft);
        checkPassword(draft.password(), true);
        long id = users.insert(username, draft.displayName().trim(), blankToNull(draft.email()),
                passwordEncoder.encode(draft.password()));
        users.replaceRoles(id, draft.roles());
        users.replaceTeams(id, draft.teamIds());
        UserSummary created = users.findById(id).orElseThrow();
        audit.record("user.create", "user:" + username, null, auditView(created));
        return created;
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public UserSummary update(long id, UserDraft draft) {
        UserSummary before = users.findById(id).orElseThrow(() -> new UserValidationException("id", "No user " + id));
        validateCommon(draft);
        boolean passwordChanged = draft.password() != null && !draft.password().isEmpty();
        if (passwordChanged && users.isExternal(id)) {
            // A password would be a second way in that the identity provider no longer controls.
            throw new UserValidationException("password",
                    "This user signs in through single sign-on and has no Burnrate password");
        }
        if (passwordChanged) {
            checkPassword(draft.password(), true);
            users.updatePassword(id, passwordEncoder.encode(draft.password()));
        }
        if (before.username().equals(currentUser.actor()) && before.roles().contains(Role.ADMIN)
                && !draft.roles().contains(Role.ADMIN)) {
            throw new UserValidationException("roles", "You cannot remove your own ADMIN role");
        }
        users.update(id, draft.displayName().trim(), blankToNull(draft.email()));
        users.replaceRoles(id, draft.roles());
        users.replaceTeams(id, draft.teamIds());
        UserSummary after = users.findById(id).orElseThrow();
        Map<String, Object> afterView = auditView(after);
        if (passwordChanged) {
            afterView.put("passwordChanged", true);
        }
        audit.record("user.update", "user:" + after.username(), auditView(before), afterView);
        return after;
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public UserSummary setEnabled(long id, boolean enabled) {
        UserSummary before = users.findById(id).orElseThrow(() -> new UserValidationException("id", "No user " + id));
        if (!enabled && before.username().equals(currentUser.actor())) {
            throw new UserValidationException("enabled", "You cannot disable yourself");
        }
        users.setEnabled(id, enabled);
        UserSummary after = users.findById(id).orElseThrow();
        audit.record(enabled ? "user.enable" : "user.disable", "user:" + after.username(), auditView(before), auditView(after));
        return after;
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public Team createTeam(String name, String description) {
        String trimmed = name == null ? "" : name.trim();
        if (!TEAM_NAME.matcher(trimmed).matches()) {
            throw new UserValidationException("name", "Team name must use lower-case letters, digits and '-' (1-100)");
        }
        if (users.findTeamByName(trimmed).isPresent()) {
            throw new UserValidationException("name", "Team '" + trimmed + "' exists");
        }
        long id = users.insertTeam(trimmed, blankToNull(description));
        Team team = new Team(id, trimmed, blankToNull(description));
        audit.record("team.create", "team:" + trimmed, null, team);
        return team;
    }

    private void validateCommon(UserDraft draft) {
        if (draft.displayName() == null || draft.displayName().isBlank()) {
            throw new UserValidationException("displayName", "Display name is required");
        }
        if (draft.email() != null && !draft.email().isBlank() && !draft.email().contains("@")) {
            throw new UserValidationException("email", "E-mail address must contain '@'");
        }
        if (draft.roles().isEmpty()) {
            throw new UserValidationException("roles", "Pick at least one role");
        }
        if (!users.teamsExist(draft.teamIds())) {
            throw new UserValidationException("teams", "A selected team does not exist");
        }
    }

    private static void checkPassword(String password, boolean required) {
        if (password == null || password.isEmpty()) {
            if (required) {
                throw new UserValidationException("password", "Password is required");
            }
            return;
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new UserValidationException("password", "Password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    private static Map<String, Object> auditView(UserSummary user) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("username", user.username());
        view.put("displayName", user.displayName());
        view.put("email", user.email());
        view.put("enabled", user.enabled());
        view.put("roles", user.roles().stream().map(Enum::name).sorted().toList());
        view.put("teams", user.teams().stream().map(Team::name).sorted().toList());
        return view;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
