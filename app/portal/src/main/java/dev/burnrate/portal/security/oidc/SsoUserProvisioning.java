package dev.burnrate.portal.security.oidc;

import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.security.oidc.ExternalUserRepository.LocalUser;
import dev.burnrate.portal.security.oidc.SsoLoginResult.Accepted;
import dev.burnrate.portal.security.oidc.SsoLoginResult.Reason;
import dev.burnrate.portal.security.oidc.SsoLoginResult.Refused;
import dev.burnrate.portal.user.Team;
import dev.burnrate.portal.user.UserRepository;
import dev.burnrate.portal.user.UserSummary;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns an identity the provider vouched for into a local user: created on the first login (no password, marked
 * external), its roles and teams replaced from the group mapping on every later login (the provider is the source of
 * truth for mapped users). Every change and every refusal is audited; a refusal writes nothing else.
 */
@Service
class SsoUserProvisioning {

    private static final Logger log = LoggerFactory.getLogger(SsoUserProvisioning.class);
    /** The same rule as for local user names (UserService). */
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

    private final ExternalUserRepository externalUsers;
    private final UserRepository users;
    private final GroupMapping mapping;
    private final AuditService audit;

    SsoUserProvisioning(ExternalUserRepository externalUsers, UserRepository users, OidcProperties properties,
            AuditService audit) {
        this.externalUsers = externalUsers;
        this.users = users;
        this.mapping = GroupMapping.parse(properties.groupMapping());
        this.audit = audit;
    }

    @PermitAll // called by the OIDC login itself, before anyone is authenticated
    @Transactional
    public SsoLoginResult provision(SsoIdentity identity) {
        Optional<LocalUser> known = externalUsers.findByExternalId(identity.issuer(), identity.subject());
        String username = known.map(LocalUser::username).orElse(normalise(identity.username()));
        if (username == null || !USERNAME.matcher(username).matches() || username.equals("system")) {
            return refuse(String.valueOf(identity.username()), identity, Reason.BAD_USERNAME);
        }
        if (known.isEmpty() && externalUsers.findByUsername(username).isPresent()) {
            return refuse(username, identity, Reason.USERNAME_TAKEN);
        }
        if (known.isPresent() && !known.get().enabled()) {
            return refuse(username, identity, Reason.DISABLED);
        }
        Optional<GroupMapping.Grant> grant = mapping.resolve(identity.groups());
        if (grant.isEmpty()) {
            return refuse(username, identity, Reason.NO_MAPPED_GROUP);
        }
        Set<Long> teamIds = teamIds(grant.get().teams());
        String displayName = identity.displayName() == null || identity.displayName().isBlank()
                ? username : identity.displayName().trim();
        if (known.isEmpty()) {
            long id = externalUsers.insert(username, displayName, identity.email(), identity.issuer(),
                    identity.subject());
            users.replaceRoles(id, grant.get().roles());
            users.replaceTeams(id, teamIds);
            Map<String, Object> created = auditView(users.findById(id).orElseThrow());
            created.put("issuer", identity.issuer());
            created.put("groups", new TreeSet<>(identity.groups()));
            audit.record("user.sso-create", "user:" + username, null, created);
        } else {
            long id = known.get().id();
            UserSummary before = users.findById(id).orElseThrow();
            externalUsers.updateProfile(id, displayName, identity.email());
            users.replaceRoles(id, grant.get().roles());
            users.replaceTeams(id, teamIds);
            UserSummary after = users.findById(id).orElseThrow();
            Map<String, Object> beforeView = auditView(before);
            Map<String, Object> afterView = auditView(after);
            if (!beforeView.equals(afterView)) {
                afterView.put("groups", new TreeSet<>(identity.groups()));
                audit.record("user.sso-update", "user:" + username, beforeView, afterView);
            }
        }
        return new Accepted(username, grant.get().roles());
    }

    private Set<Long> teamIds(Set<String> teamNames) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String name : teamNames) {
            Optional<Team> team = users.findTeamByName(name);
            if (team.isPresent()) {
                ids.add(team.get().id());
            } else {
                // A mapping may name a team before an admin creates it; the login still gets its roles.
                log.warn("burnrate.oidc.group-mapping names team '{}', which does not exist; skipped", name);
            }
        }
        return ids;
    }

    private SsoLoginResult refuse(String username, SsoIdentity identity, Reason reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason.name());
        details.put("issuer", identity.issuer());
        details.put("groups", new TreeSet<>(identity.groups()));
        audit.record("auth.sso-refused", "user:" + username, null, details);
        return new Refused(reason);
    }

    private static String normalise(String username) {
        return username == null ? null : username.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, Object> auditView(UserSummary user) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("username", user.username());
        view.put("displayName", user.displayName());
        view.put("email", user.email());
        view.put("roles", new TreeSet<>(user.roles().stream().map(Role::name).toList()));
        view.put("teams", new TreeSet<>(user.teams().stream().map(Team::name).toList()));
        return view;
    }
}
