package dev.burnrate.portal.user;

import static dev.burnrate.portal.db.Tables.TEAMS;
import static dev.burnrate.portal.db.Tables.TEAM_MEMBERS;
import static dev.burnrate.portal.db.Tables.USERS;
import static dev.burnrate.portal.db.Tables.USER_ROLES;

import dev.burnrate.portal.security.Role;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Thin data access for users, their roles and team memberships. No authorisation here: services do that. */
@Repository
public class UserRepository {

    private final DSLContext dsl;

    public UserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<UserSummary> findAll() {
        Map<Long, Set<Role>> roles = dsl.selectFrom(USER_ROLES).fetchGroups(USER_ROLES.USER_ID).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stream()
                        .map(r -> Role.valueOf(r.getRole()))
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)))));
        Map<Long, Set<Team>> teams = dsl.select(TEAM_MEMBERS.USER_ID, TEAMS.ID, TEAMS.NAME, TEAMS.DESCRIPTION)
                .from(TEAM_MEMBERS).join(TEAMS).on(TEAMS.ID.eq(TEAM_MEMBERS.TEAM_ID))
                .orderBy(TEAMS.NAME)
                .fetchGroups(TEAM_MEMBERS.USER_ID).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stream()
                        .map(r -> new Team(r.get(TEAMS.ID), r.get(TEAMS.NAME), r.get(TEAMS.DESCRIPTION)))
                        .collect(Collectors.toCollection(LinkedHashSet::new))));
        // Service accounts have their own admin page (serviceaccount.ServiceAccountRepository); this lists people.
        return dsl.selectFrom(USERS).where(USERS.SERVICE_ACCOUNT.isFalse()).orderBy(USERS.USERNAME).fetch(r -> new UserSummary(r.getId(), r.getUsername(),
                r.getDisplayName(), r.getEmail(), r.getEnabled(), roles.getOrDefault(r.getId(), Set.of()),
                teams.getOrDefault(r.getId(), Set.of()), r.getCreatedAt().toInstant()));
    }

    public Optional<UserSummary> findById(long id) {
        return findAll().stream().filter(u -> u.id() == id).findFirst();
    }

    public boolean existsByUsername(String username) {
        return dsl.fetchExists(USERS, USERS.USERNAME.equalIgnoreCase(username));
    }

    /** Whether the user signs in through the identity provider (and so has no Burnrate password). */
    public boolean isExternal(long id) {
        return dsl.fetchExists(USERS, USERS.ID.eq(id).and(USERS.EXTERNAL_SUBJECT.isNotNull()));
    }

    public long countUsers() {
        return dsl.fetchCount(USERS);
    }

    public long insert(String username, String displayName, String email, String passwordHash) {
        return dsl.insertInto(USERS)
                .set(USERS.USERNAME, username)
                .set(USERS.DISPLAY_NAME, displayName)
                .set(USERS.EMAIL, email)
                .set(USERS.PASSWORD_HASH, passwordHash)
                .returning(USERS.ID).fetchSingle().getId();
    }

    public void update(long id, String displayName, String email) {
        dsl.update(USERS).set(USERS.DISPLAY_NAME, displayName).set(USERS.EMAIL, email).where(USERS.ID.eq(id)).execute();
    }

    public void updatePassword(long id, String passwordHash) {
        dsl.update(USERS).set(USERS.PASSWORD_HASH, passwordHash).where(USERS.ID.eq(id)).execute();
    }

    public void setEnabled(long id, boolean enabled) {
        dsl.update(USERS).set(USERS.ENABLED, enabled).where(USERS.ID.eq(id)).execute();
    }

    public void replaceRoles(long userId, Set<Role> roles) {
        dsl.deleteFrom(USER_ROLES).where(USER_ROLES.USER_ID.eq(userId)).execute();
        for (Role role : roles) {
            dsl.insertInto(USER_ROLES).set(USER_ROLES.USER_ID, userId).set(USER_ROLES.ROLE, role.name()).execute();
        }
    }

    public void replaceTeams(long userId, Set<Long> teamIds) {
        dsl.deleteFrom(TEAM_MEMBERS).where(TEAM_MEMBERS.USER_ID.eq(userId)).execute();
        for (Long teamId : teamIds) {
            dsl.insertInto(TEAM_MEMBERS).set(TEAM_MEMBERS.USER_ID, userId).set(TEAM_MEMBERS.TEAM_ID, teamId).execute();
        }
    }

    public List<Team> findTeams() {
        return dsl.selectFrom(TEAMS).orderBy(TEAMS.NAME).fetch(r -> new Team(r.getId(), r.getName(), r.getDescription()));
    }

    public Optional<Team> findTeamByName(String name) {
        return dsl.selectFrom(TEAMS).where(TEAMS.NAME.eq(name)).fetchOptional(r -> new Team(r.getId(), r.getName(), r.getDescription()));
    }

    public boolean teamsExist(Set<Long> ids) {
        return ids.isEmpty() || dsl.fetchCount(TEAMS, TEAMS.ID.in(ids)) == ids.size();
    }

    public long insertTeam(String name, String description) {
        return dsl.insertInto(TEAMS).set(TEAMS.NAME, name).set(TEAMS.DESCRIPTION, description)
                .returning(TEAMS.ID).fetchSingle().getId();
    }
}
