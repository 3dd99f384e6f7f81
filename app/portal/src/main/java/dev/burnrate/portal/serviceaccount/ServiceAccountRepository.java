package dev.burnrate.portal.serviceaccount;

import static dev.burnrate.portal.db.Tables.TEAMS;
import static dev.burnrate.portal.db.Tables.TEAM_MEMBERS;
import static dev.burnrate.portal.db.Tables.USERS;
import static dev.burnrate.portal.db.Tables.USER_ROLES;

import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.user.Team;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Service accounts are rows of {@code users} with {@code service_account = true} and no password hash. Roles and
 * memberships are written through {@code UserRepository}; this class reads and inserts the accounts themselves.
 */
@Repository
public class ServiceAccountRepository {

    private final DSLContext dsl;

    public ServiceAccountRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<ServiceAccount> findAll() {
        return find(USERS.SERVICE_ACCOUNT.isTrue());
    }

    public Optional<ServiceAccount> findById(long id) {
        return find(USERS.SERVICE_ACCOUNT.isTrue().and(USERS.ID.eq(id))).stream().findFirst();
    }

    /** Inserts an enabled service account without roles or teams; the password hash stays null. */
    public long insert(String username, String displayName) {
        return dsl.insertInto(USERS)
                .set(USERS.USERNAME, username)
                .set(USERS.DISPLAY_NAME, displayName)
                .set(USERS.SERVICE_ACCOUNT, true)
                .returning(USERS.ID).fetchSingle().getId();
    }

    public void updateDisplayName(long id, String displayName) {
        dsl.update(USERS).set(USERS.DISPLAY_NAME, displayName)
                .where(USERS.ID.eq(id).and(USERS.SERVICE_ACCOUNT.isTrue())).execute();
    }

    private List<ServiceAccount> find(Condition condition) {
        var accounts = dsl.selectFrom(USERS).where(condition).orderBy(USERS.USERNAME).fetch();
        Set<Long> ids = accounts.stream().map(r -> r.getId()).collect(Collectors.toSet());
        var roles = dsl.selectFrom(USER_ROLES).where(USER_ROLES.USER_ID.in(ids)).fetchGroups(USER_ROLES.USER_ID);
        var teams = dsl.select(TEAM_MEMBERS.USER_ID, TEAMS.ID, TEAMS.NAME, TEAMS.DESCRIPTION)
                .from(TEAM_MEMBERS).join(TEAMS).on(TEAMS.ID.eq(TEAM_MEMBERS.TEAM_ID))
                .where(TEAM_MEMBERS.USER_ID.in(ids)).orderBy(TEAMS.NAME)
                .fetchGroups(TEAM_MEMBERS.USER_ID);
        return accounts.map(r -> {
            Set<Role> accountRoles = EnumSet.noneOf(Role.class);
            if (roles.containsKey(r.getId())) {
                roles.get(r.getId()).forEach(role -> accountRoles.add(Role.valueOf(role.getRole())));
            }
            Set<Team> accountTeams = new LinkedHashSet<>();
            if (teams.containsKey(r.getId())) {
                teams.get(r.getId()).forEach(t ->
                        accountTeams.add(new Team(t.get(TEAMS.ID), t.get(TEAMS.NAME), t.get(TEAMS.DESCRIPTION))));
            }
            return new ServiceAccount(r.getId(), r.getUsername(), r.getDisplayName(), r.getEnabled(),
                    accountRoles, accountTeams, r.getCreatedAt().toInstant());
        });
    }
}
