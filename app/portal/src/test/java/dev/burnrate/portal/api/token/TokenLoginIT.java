package dev.burnrate.portal.api.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.audit.AuditEntry;
import dev.burnrate.portal.audit.AuditFilter;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.serviceaccount.ServiceAccountDraft;
import dev.burnrate.portal.serviceaccount.ServiceAccountService;
import dev.burnrate.portal.support.ApiClient;
import dev.burnrate.portal.support.ApiTestBase;
import dev.burnrate.portal.support.RunAs;
import dev.burnrate.portal.user.UserDraft;
import dev.burnrate.portal.user.UserService;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The CLI's login exchange: a local user's password for a token; refusals, audit and the guessing limit. */
class TokenLoginIT extends ApiTestBase {

    private static final String PATH = "/api/v1/auth/token";

    @Test
    void aLocalUsersPasswordBuysATokenOfThatUser() {
        ApiClient.Response login = api().post(PATH, null,
                "{\"username\":\"engineer\",\"password\":\"engineer\",\"name\":\"it laptop\",\"expiresInDays\":7}");

        assertThat(login.status()).isEqualTo(200);
        String token = login.json().get("token").asString();
        assertThat(login.json().get("name").asString()).isEqualTo("it laptop");
        assertThat(login.json().get("scopes").toString()).isEqualTo("[\"read\",\"estimate\",\"import\"]");
        assertThat(api().get("/api/v1/me", token).json().get("username").asString()).isEqualTo("engineer");
        assertThat(audit("auth.token-login", "engineer")).isNotEmpty();
    }

    @Test
    void aWrongPasswordIsA401ProblemAndAudited() {
        ApiClient.Response login = api().post(PATH, null, "{\"username\":\"finance\",\"password\":\"wrong\"}");

        assertThat(login.status()).isEqualTo(401);
        assertThat(login.contentType()).startsWith("application/problem+json");
        assertThat(login.body()).doesNotContain("token\":");
        List<AuditEntry> failures = audit("auth.token-login-failed", "finance");
        assertThat(failures).isNotEmpty();
        assertThat(failures.getFirst().afterJson()).contains("BadCredentialsException").doesNotContain("wrong");
    }

    @Test
    void serviceAccountsAndDisabledUsersCannotLogIn() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ServiceAccountService accounts = applicationContext.getBean(ServiceAccountService.class);
        String account = RunAs.user(applicationContext, "admin", () -> accounts.create(new ServiceAccountDraft(
                "it-svc-" + suffix, "Login test", Set.of(Role.ENGINEER), Set.of())).username(), Role.ADMIN);
        UserService users = applicationContext.getBean(UserService.class);
        String disabled = "it-off-" + suffix;
        RunAs.user(applicationContext, "admin", () -> {
            long id = users.create(new UserDraft(disabled, "Off", null, "long-enough-password", Set.of(Role.ENGINEER),
                    Set.of())).id();
            return users.setEnabled(id, false);
        }, Role.ADMIN);

        ApiClient.Response serviceAccount = api().post(PATH, null,
                "{\"username\":\"" + account + "\",\"password\":\"anything\"}");
        ApiClient.Response disabledUser = api().post(PATH, null,
                "{\"username\":\"" + disabled + "\",\"password\":\"long-enough-password\"}");

        assertThat(serviceAccount.status()).isEqualTo(401);
        assertThat(disabledUser.status()).isEqualTo(401);
        assertThat(disabledUser.json().get("detail").asString())
                .isEqualTo(serviceAccount.json().get("detail").asString());
        assertThat(audit("auth.token-login-failed", disabled).getFirst().afterJson()).contains("DisabledException");
    }

    @Test
    void guessingIsStoppedAfterFiveFailuresAMinuteWithRetryAfter() {
        String name = "it-guess-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            assertThat(api().post(PATH, null, "{\"username\":\"" + name + "\",\"password\":\"guess" + i + "\"}")
                    .status()).isEqualTo(401);
        }

        ApiClient.Response sixth = api().post(PATH, null, "{\"username\":\"" + name + "\",\"password\":\"guess5\"}");

        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(sixth.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
        assertThat(audit("auth.token-login-failed", name)).hasSize(5);
    }

    @Test
    void missingFieldsAndUnknownScopesAreNamed() {
        ApiClient.Response noPassword = api().post(PATH, null, "{\"username\":\"engineer\"}");
        ApiClient.Response badScope = api().post(PATH, null,
                "{\"username\":\"engineer\",\"password\":\"engineer\",\"scopes\":[\"everything\"]}");
        ApiClient.Response adminScope = api().post(PATH, null,
                "{\"username\":\"engineer\",\"password\":\"engineer\",\"scopes\":[\"admin\"]}");

        assertThat(noPassword.status()).isEqualTo(400);
        assertThat(noPassword.json().at("/errors/0/field").asString()).isEqualTo("password");
        assertThat(badScope.status()).isEqualTo(400);
        assertThat(badScope.json().at("/errors/0/field").asString()).isEqualTo("scopes[0]");
        assertThat(adminScope.status()).isEqualTo(400);
        assertThat(adminScope.json().at("/errors/0/field").asString()).isEqualTo("scopes");
    }

    private List<AuditEntry> audit(String action, String actor) {
        AuditService audit = applicationContext.getBean(AuditService.class);
        return RunAs.user(applicationContext, "admin", () -> audit.find(new AuditFilter(actor, action, null, null), 0, 50),
                Role.ADMIN).stream().filter(entry -> entry.actor().equals(actor)).toList();
    }
}
