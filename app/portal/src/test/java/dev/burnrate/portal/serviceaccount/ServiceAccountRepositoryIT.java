package dev.burnrate.portal.serviceaccount;

import static dev.burnrate.portal.db.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.TestDatabase;
import dev.burnrate.portal.user.Team;
import dev.burnrate.portal.user.UserRepository;
import dev.burnrate.portal.user.UserSummary;
import java.util.Set;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Service accounts beside people in {@code users}, on H2 and on PostgreSQL. */
class ServiceAccountRepositoryIT {

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void serviceAccountsHaveRolesAndTeamsButNoPasswordAndAreListedApartFromPeople(TestDatabase db) {
        UserRepository users = new UserRepository(db.dsl());
        ServiceAccountRepository accounts = new ServiceAccountRepository(db.dsl());
        long ml = users.insertTeam("ml-research", null);
        long person = users.insert("alice", "Alice", null, "{bcrypt}hash");
        long id = accounts.insert("ci-pipeline", "Training pipeline");
        users.replaceRoles(id, Set.of(Role.ENGINEER));
        users.replaceTeams(id, Set.of(ml));

        ServiceAccount account = accounts.findById(id).orElseThrow();
        assertThat(account.username()).isEqualTo("ci-pipeline");
        assertThat(account.displayName()).isEqualTo("Training pipeline");
        assertThat(account.enabled()).isTrue();
        assertThat(account.roles()).containsExactly(Role.ENGINEER);
        assertThat(account.teams()).extracting(Team::name).containsExactly("ml-research");
        assertThat(db.dsl().select(USERS.PASSWORD_HASH).from(USERS).where(USERS.ID.eq(id)).fetchOne(USERS.PASSWORD_HASH))
                .isNull();

        assertThat(accounts.findAll()).extracting(ServiceAccount::username).containsExactly("ci-pipeline");
        assertThat(accounts.findById(person)).isEmpty();
        assertThat(users.findAll()).extracting(UserSummary::username).containsExactly("alice");
        assertThat(users.existsByUsername("CI-PIPELINE")).isTrue();

        accounts.updateDisplayName(id, "Nightly training");
        users.setEnabled(id, false);
        assertThat(accounts.findById(id).orElseThrow().displayName()).isEqualTo("Nightly training");
        assertThat(accounts.findById(id).orElseThrow().enabled()).isFalse();
        accounts.updateDisplayName(person, "Not changed through here");
        assertThat(users.findById(person).orElseThrow().displayName()).isEqualTo("Alice");
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void theSchemaRefusesAPasswordOnAServiceAccount(TestDatabase db) {
        ServiceAccountRepository accounts = new ServiceAccountRepository(db.dsl());
        long id = accounts.insert("deployer", "Deploys");
        assertThatThrownBy(() -> db.dsl().update(USERS).set(USERS.PASSWORD_HASH, "{bcrypt}x").where(USERS.ID.eq(id)).execute())
                .isInstanceOf(DataAccessException.class);
    }
}
