package dev.burnrate.portal.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.security.oidc.SsoLoginResult.Accepted;
import dev.burnrate.portal.security.oidc.SsoLoginResult.Reason;
import dev.burnrate.portal.security.oidc.SsoLoginResult.Refused;
import dev.burnrate.portal.support.TestDatabase;
import dev.burnrate.portal.user.Team;
import dev.burnrate.portal.user.UserDraft;
import dev.burnrate.portal.user.UserRepository;
import dev.burnrate.portal.user.UserService;
import dev.burnrate.portal.user.UserValidationException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** The refusals and the identity rules of SSO provisioning that the browser test does not walk through. */
class SsoUserProvisioningIT {

    private static final String ISSUER = "https://sso.example.com";

    private static SsoUserProvisioning provisioning(TestDatabase db) {
        OidcProperties properties = new OidcProperties(true, "Acme SSO", ISSUER, "burnrate", "secret", null, null,
                null, Map.of("ml", "ROLE:ENGINEER,TEAM:ml-research,TEAM:not-created-yet"));
        return new SsoUserProvisioning(new ExternalUserRepository(db.dsl()), new UserRepository(db.dsl()), properties,
                new AuditService(db.dsl(), new CurrentUser(db.dsl()), Clock.systemUTC()));
    }

    private static SsoIdentity identity(String subject, String username) {
        return new SsoIdentity(ISSUER, subject, username, null, null, List.of("ml"));
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void theSubjectIsTheIdentityAndUnknownTeamsAreSkipped(TestDatabase db) {
        UserRepository users = new UserRepository(db.dsl());
        users.insertTeam("ml-research", null);
        SsoUserProvisioning sso = provisioning(db);

        assertThat(sso.provision(identity("s-1", "Ada.L"))).isEqualTo(new Accepted("ada.l", java.util.Set.of(Role.ENGINEER)));
        // A new user name at the provider does not make a new Burnrate user: the subject is who it is.
        assertThat(sso.provision(identity("s-1", "ada.lovelace"))).isInstanceOf(Accepted.class)
                .extracting(r -> ((Accepted) r).username()).isEqualTo("ada.l");
        assertThat(users.findAll()).hasSize(1);
        assertThat(users.findAll().getFirst().teams()).extracting(Team::name).containsExactly("ml-research");
        assertThat(users.findAll().getFirst().displayName()).as("no name claim: the user name").isEqualTo("ada.l");
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void unusableNamesAndDisabledUsersAreRefused(TestDatabase db) {
        SsoUserProvisioning sso = provisioning(db);
        assertThat(sso.provision(identity("s-2", "Ada Lovelace"))).isEqualTo(new Refused(Reason.BAD_USERNAME));
        assertThat(sso.provision(identity("s-3", "system"))).isEqualTo(new Refused(Reason.BAD_USERNAME));
        assertThat(sso.provision(identity("s-4", null))).isEqualTo(new Refused(Reason.BAD_USERNAME));

        assertThat(sso.provision(identity("s-5", "grace"))).isInstanceOf(Accepted.class);
        UserRepository users = new UserRepository(db.dsl());
        users.setEnabled(users.findAll().getFirst().id(), false);
        assertThat(sso.provision(identity("s-5", "grace"))).isEqualTo(new Refused(Reason.DISABLED));
        assertThat(users.findAll()).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void anAdministratorCannotGiveAnSsoUserAPassword(TestDatabase db) {
        UserRepository users = new UserRepository(db.dsl());
        assertThat(provisioning(db).provision(identity("s-6", "hedy"))).isInstanceOf(Accepted.class);
        long id = users.findAll().getFirst().id();
        UserService service = new UserService(users, PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                new AuditService(db.dsl(), new CurrentUser(db.dsl()), Clock.systemUTC()), new CurrentUser(db.dsl()));

        assertThatThrownBy(() -> service.update(id, new UserDraft("hedy", "Hedy", null, "a-long-password-1",
                java.util.Set.of(Role.ENGINEER), java.util.Set.of())))
                .isInstanceOf(UserValidationException.class).hasMessageContaining("single sign-on");
        assertThat(service.update(id, new UserDraft("hedy", "Hedy L.", null, null, java.util.Set.of(Role.ENGINEER),
                java.util.Set.of())).displayName()).as("other changes are allowed").isEqualTo("Hedy L.");
    }
}
