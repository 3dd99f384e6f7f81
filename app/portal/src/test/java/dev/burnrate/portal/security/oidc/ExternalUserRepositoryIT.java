package dev.burnrate.portal.security.oidc;

import static dev.burnrate.portal.db.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.portal.security.oidc.ExternalUserRepository.LocalUser;
import dev.burnrate.portal.support.TestDatabase;
import dev.burnrate.portal.user.UserRepository;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Users of the identity provider (V090) on H2 and on PostgreSQL: no password, one row per issuer and subject. */
class ExternalUserRepositoryIT {

    private static final String ISSUER = "https://sso.example.com/realms/acme";

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void anExternalUserHasNoPasswordAndIsFoundByIssuerAndSubject(TestDatabase db) {
        ExternalUserRepository external = new ExternalUserRepository(db.dsl());
        long id = external.insert("ada", "Ada", "ada@example.com", ISSUER, "subject-1");
        new UserRepository(db.dsl()).insert("bob", "Bob", null, "{bcrypt}hash");

        LocalUser ada = external.findByExternalId(ISSUER, "subject-1").orElseThrow();
        assertThat(ada.id()).isEqualTo(id);
        assertThat(ada.isExternal()).isTrue();
        assertThat(ada.enabled()).isTrue();
        assertThat(db.dsl().select(USERS.PASSWORD_HASH).from(USERS).where(USERS.ID.eq(id)).fetchOne(USERS.PASSWORD_HASH))
                .isNull();
        assertThat(external.findByExternalId("https://other.example.com", "subject-1")).isEmpty();
        assertThat(external.findByUsername("BOB").orElseThrow().isExternal()).isFalse();

        external.updateProfile(id, "Ada Lovelace", null);
        assertThat(db.dsl().select(USERS.DISPLAY_NAME).from(USERS).where(USERS.ID.eq(id)).fetchOne(USERS.DISPLAY_NAME))
                .isEqualTo("Ada Lovelace");
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void oneIdentityIsOneUserAndEveryUserHasAPasswordOrAnIdentity(TestDatabase db) {
        ExternalUserRepository external = new ExternalUserRepository(db.dsl());
        external.insert("ada", "Ada", null, ISSUER, "subject-1");
        assertThatThrownBy(() -> external.insert("ada2", "Ada again", null, ISSUER, "subject-1"))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> db.dsl().insertInto(USERS).set(USERS.USERNAME, "nobody")
                .set(USERS.DISPLAY_NAME, "No way in").execute()).isInstanceOf(DataAccessException.class);
        assertThat(db.dsl().insertInto(USERS).set(USERS.USERNAME, "ci-bot").set(USERS.DISPLAY_NAME, "CI")
                .set(USERS.SERVICE_ACCOUNT, true).execute()).as("service accounts (V081) have neither").isEqualTo(1);
    }
}
