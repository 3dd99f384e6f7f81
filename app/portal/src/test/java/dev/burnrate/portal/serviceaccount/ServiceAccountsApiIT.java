package dev.burnrate.portal.serviceaccount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.api.ApiScope;
import dev.burnrate.portal.audit.AuditEntry;
import dev.burnrate.portal.audit.AuditFilter;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.ApiClient;
import dev.burnrate.portal.support.ApiTestBase;
import dev.burnrate.portal.support.RunAs;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Service accounts over the API: an admin's admin-scoped token creates, changes, disables them and their tokens. */
class ServiceAccountsApiIT extends ApiTestBase {

    private static final String PATH = "/api/v1/service-accounts";

    @Test
    void anAdminManagesAServiceAccountAndItsTokensAndEveryChangeIsAudited() {
        String admin = api().tokenFor("admin", ApiScope.READ, ApiScope.ADMIN);
        String name = "it-ci-" + UUID.randomUUID().toString().substring(0, 8);

        ApiClient.Response created = api().post(PATH, admin, "{\"username\":\"" + name + "\",\"displayName\":\"CI\","
                + "\"roles\":[\"ENGINEER\"],\"teams\":[\"ml-research\"]}");
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("teams").toString()).isEqualTo("[\"ml-research\"]");

        ApiClient.Response updated = api().put(PATH + "/" + id, admin, "{\"displayName\":\"Nightly CI\","
                + "\"roles\":[\"ENGINEER\"],\"teams\":[\"ml-research\",\"inference\"]}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("displayName").asString()).isEqualTo("Nightly CI");
        assertThat(updated.json().get("teams").toString()).isEqualTo("[\"inference\",\"ml-research\"]");

        ApiClient.Response token = api().post(PATH + "/" + id + "/tokens", admin,
                "{\"name\":\"pipeline\",\"scopes\":[\"read\"],\"expiresInDays\":90}");
        assertThat(token.status()).isEqualTo(201);
        String secret = token.json().get("token").asString();
        long tokenId = token.json().get("id").asLong();
        ApiClient.Response me = api().get("/api/v1/me", secret);
        assertThat(me.json().get("username").asString()).isEqualTo(name);
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"ENGINEER\"]");
        assertThat(me.json().get("teamIds").size()).isEqualTo(2);
        assertThat(api().get(PATH + "/" + id + "/tokens", admin).body()).contains("\"pipeline\"")
                .doesNotContain(secret);

        ApiClient.Response disabled = api().post(PATH + "/" + id + "/disable", admin, "");
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(api().get("/api/v1/me", secret).status()).isEqualTo(401);
        assertThat(api().post(PATH + "/" + id + "/enable", admin, "").status()).isEqualTo(200);
        assertThat(api().get("/api/v1/me", secret).status()).isEqualTo(200);

        assertThat(api().delete(PATH + "/" + id + "/tokens/" + tokenId, admin).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/me", secret).json().get("detail").asString()).isEqualTo("token revoked");

        assertThat(audit("service-account.create", name)).hasSize(1);
        assertThat(audit("service-account.update", name)).hasSize(1);
        assertThat(audit("service-account.disable", name)).hasSize(1);
        assertThat(audit("service-account.enable", name)).hasSize(1);
        List<AuditEntry> tokenEntries = auditTokens(tokenId);
        assertThat(tokenEntries).extracting(AuditEntry::action).containsExactlyInAnyOrder("token.create", "token.revoke");
        assertThat(tokenEntries).allSatisfy(entry -> assertThat(String.valueOf(entry.beforeJson()) + entry.afterJson())
                .contains(name).doesNotContain(secret.substring(12)));
    }

    @Test
    void onlyAnAdminsAdminScopedTokenReachesServiceAccounts() {
        assertThat(api().get(PATH, api().tokenFor("admin", ApiScope.READ)).status()).isEqualTo(403);
        ApiClient.Response engineer = api().get(PATH, api().tokenFor("engineer", ApiScope.READ));
        assertThat(engineer.status()).isEqualTo(403);
        assertThat(engineer.contentType()).startsWith("application/problem+json");
        assertThat(api().get(PATH, api().tokenFor("admin", ApiScope.ADMIN)).status()).isEqualTo(200);
    }

    @Test
    void badAccountsAreRefusedWithTheFieldNamed() {
        String admin = api().tokenFor("admin", ApiScope.ADMIN);

        ApiClient.Response badName = api().post(PATH, admin,
                "{\"username\":\"Bad Name\",\"displayName\":\"x\",\"roles\":[\"ENGINEER\"]}");
        ApiClient.Response badRole = api().post(PATH, admin,
                "{\"username\":\"it-ok\",\"displayName\":\"x\",\"roles\":[\"ROOT\"]}");
        ApiClient.Response badTeam = api().post(PATH, admin,
                "{\"username\":\"it-ok\",\"displayName\":\"x\",\"roles\":[\"ENGINEER\"],\"teams\":[\"nope\"]}");
        ApiClient.Response taken = api().post(PATH, admin,
                "{\"username\":\"engineer\",\"displayName\":\"x\",\"roles\":[\"ENGINEER\"]}");

        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().at("/errors/0/field").asString()).isEqualTo("username");
        assertThat(badRole.json().at("/errors/0/field").asString()).isEqualTo("roles[0]");
        assertThat(badTeam.json().at("/errors/0/field").asString()).isEqualTo("teams");
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().get("detail").asString()).contains("taken");
    }

    @Test
    void aServiceAccountWithoutTheAdminRoleGetsNoAdminScopedToken() {
        String admin = api().tokenFor("admin", ApiScope.READ, ApiScope.ADMIN);
        String name = "it-noadmin-" + UUID.randomUUID().toString().substring(0, 8);
        long id = api().post(PATH, admin, "{\"username\":\"" + name + "\",\"displayName\":\"x\",\"roles\":[\"FINANCE\"]}")
                .json().get("id").asLong();

        ApiClient.Response token = api().post(PATH + "/" + id + "/tokens", admin,
                "{\"name\":\"too much\",\"scopes\":[\"admin\"]}");
        ApiClient.Response wider = api().post(PATH + "/" + id + "/tokens", admin,
                "{\"name\":\"wider than mine\",\"scopes\":[\"estimate\"]}");

        assertThat(token.status()).isEqualTo(400);
        assertThat(token.json().at("/errors/0/field").asString()).isEqualTo("scopes");
        assertThat(wider.status()).isEqualTo(403);
    }

    private List<AuditEntry> audit(String action, String account) {
        AuditService audit = applicationContext.getBean(AuditService.class);
        return RunAs.user(applicationContext, "admin", () -> audit.find(new AuditFilter(null, action, null, null), 0, 500),
                Role.ADMIN).stream().filter(entry -> entry.target().equals("service-account:" + account)).toList();
    }

    private List<AuditEntry> auditTokens(long tokenId) {
        AuditService audit = applicationContext.getBean(AuditService.class);
        return RunAs.user(applicationContext, "admin", () -> audit.find(AuditFilter.none(), 0, 500), Role.ADMIN)
                .stream().filter(entry -> entry.target().equals("token:" + tokenId)).toList();
    }
}
