package dev.burnrate.portal.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.TestDatabase;
import java.util.Set;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Users, roles and memberships on H2 and on PostgreSQL: the same migrations, the same results. */
class UserRepositoryIT {

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void storesUsersWithRolesAndTeams(TestDatabase db) {
        UserRepository users = new UserRepository(db.dsl());
        long ml = users.insertTeam("ml-research", "Research");
        long platform = users.insertTeam("platform", null);
        long id = users.insert("alice", "Alice", "alice@example.com", "{bcrypt}hash");
        users.replaceRoles(id, Set.of(Role.ENGINEER, Role.APPROVER));
        users.replaceTeams(id, Set.of(ml, platform));

        UserSummary alice = users.findById(id).orElseThrow();
        assertThat(alice.username()).isEqualTo("alice");
        assertThat(alice.enabled()).isTrue();
        assertThat(alice.roles()).containsExactlyInAnyOrder(Role.ENGINEER, Role.APPROVER);
        assertThat(alice.teams()).extracting(Team::name).containsExactly("ml-research", "platform");

        users.replaceRoles(id, Set.of(Role.FINANCE));
        users.replaceTeams(id, Set.of(platform));
        users.setEnabled(id, false);
        UserSummary changed = users.findById(id).orElseThrow();
        assertThat(changed.roles()).containsExactly(Role.FINANCE);
        assertThat(changed.teams()).extracting(Team::name).containsExactly("platform");
        assertThat(changed.enabled()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void userNamesAreUnique(TestDatabase db) {
        UserRepository users = new UserRepository(db.dsl());
        users.insert("bob", "Bob", null, "x");
        assertThat(users.existsByUsername("BOB")).isTrue();
        assertThatThrownBy(() -> users.insert("bob", "Other Bob", null, "y")).isInstanceOf(DataAccessException.class);
        assertThat(users.countUsers()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void rolesOutsideTheFourAreRejectedByTheSchema(TestDatabase db) {
        UserRepository users = new UserRepository(db.dsl());
        long id = users.insert("carol", "Carol", null, "x");
        assertThatThrownBy(() -> db.dsl().insertInto(dev.burnrate.portal.db.Tables.USER_ROLES)
                .set(dev.burnrate.portal.db.Tables.USER_ROLES.USER_ID, id)
                .set(dev.burnrate.portal.db.Tables.USER_ROLES.ROLE, "SUPERUSER").execute())
                .isInstanceOf(DataAccessException.class);
    }
}
