package dev.burnrate.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.portal.serviceaccount.ServiceAccountRepository;
import dev.burnrate.portal.support.TestDatabase;
import dev.burnrate.portal.user.UserRepository;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Form login finds people, never service accounts (they have no password and must not log in interactively). */
class DatabaseUserDetailsServiceIT {

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void serviceAccountsCannotLogIn(TestDatabase db) {
        UserRepository users = new UserRepository(db.dsl());
        long person = users.insert("alice", "Alice", null, "{noop}secret-secret");
        users.replaceRoles(person, Set.of(Role.ENGINEER));
        long account = new ServiceAccountRepository(db.dsl()).insert("ci-bot", "CI");
        users.replaceRoles(account, Set.of(Role.ENGINEER));
        DatabaseUserDetailsService details = new DatabaseUserDetailsService(db.dsl());

        assertThat(details.loadUserByUsername("alice").getAuthorities()).extracting(a -> a.getAuthority())
                .containsExactly("ROLE_ENGINEER");
        assertThatThrownBy(() -> details.loadUserByUsername("ci-bot")).isInstanceOf(UsernameNotFoundException.class);
    }
}
