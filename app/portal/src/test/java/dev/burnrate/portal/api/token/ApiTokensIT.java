package dev.burnrate.portal.api.token;

import static dev.burnrate.portal.db.Tables.API_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.burnrate.portal.api.ApiScope;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.ApiClient;
import dev.burnrate.portal.support.ApiTestBase;
import dev.burnrate.portal.support.RunAs;
import dev.burnrate.portal.user.UserDraft;
import dev.burnrate.portal.user.UserService;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.security.access.AccessDeniedException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Own tokens over the API: scopes, expiry, revocation, a disabled owner, last use, and how secrets are stored. */
class ApiTokensIT extends ApiTestBase {

    @Test
    void aTokenCreatesTokensOnlyWithScopesItHasItself() {
        String read = api().tokenFor("engineer", ApiScope.READ);

        ApiClient.Response narrower = api().post("/api/v1/tokens", read,
                "{\"name\":\"it narrow\",\"scopes\":[\"read\"],\"expiresInDays\":7}");
        ApiClient.Response wider = api().post("/api/v1/tokens", read,
                "{\"name\":\"it wider\",\"scopes\":[\"read\",\"estimate\"]}");

        assertThat(narrower.status()).isEqualTo(201);
        assertThat(narrower.json().get("token").asString()).startsWith("brt_").hasSize(47);
        assertThat(narrower.json().get("scopes").toString()).isEqualTo("[\"read\"]");
        assertThat(api().get("/api/v1/me", narrower.json().get("token").asString()).status()).isEqualTo(200);
        assertThat(wider.status()).isEqualTo(403);
        assertThat(wider.contentType()).startsWith("application/problem+json");
        assertThat(wider.json().get("detail").asString()).contains("estimate");
    }

    /**
     * The estimate, provisioning and import endpoints come from other parts of issue 18; each one not present in
     * this build ("No endpoint") is left out, and the test is skipped when none is.
     */
    @Test
    void aReadTokenCannotEstimateProvisionOrImport() {
        String read = api().tokenFor("engineer", ApiScope.READ);
        String spec = "{\"kind\":\"training\",\"team\":\"ml-research\",\"accelerator\":\"H100\","
                + "\"acceleratorCount\":8,\"hours\":10}";
        Map<String, ApiClient.Response> answers = new LinkedHashMap<>();
        answers.put("estimate", api().post("/api/v1/estimates", read, spec));
        answers.put("policy check", api().post("/api/v1/policy/evaluations", read, spec));
        answers.put("cancel", api().post("/api/v1/provisioning/requests/999999999/cancel", read, ""));
        answers.put("stop", api().post("/api/v1/resources/999999999/stop", read, ""));
        answers.put("delete", api().delete("/api/v1/resources/999999999", read));
        answers.put("import", api().send(api().request("/api/v1/datasets/it-scope-check/versions", read)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("a,b\n1,2\n")).build()));
        // Without the endpoint the path is not the API's: a "No endpoint" problem, or (with a token, in this build)
        // Vaadin's page, which answers any path it does not know. No API endpoint answers HTML.
        answers.values().removeIf(answer -> answer.contentType().startsWith("text/html") || answer.status() == 404
                && answer.json().path("detail").asString("").startsWith("No endpoint"));
        assumeTrue(!answers.isEmpty(), "no estimate, provisioning or import endpoint in this build");

        answers.forEach((what, answer) -> {
            assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(403);
            assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
        });
    }

    @Test
    void badTokenRequestsNameTheField() {
        String token = api().tokenFor("engineer", ApiScope.READ);

        ApiClient.Response unknownScope = api().post("/api/v1/tokens", token, "{\"name\":\"x\",\"scopes\":[\"raed\"]}");
        ApiClient.Response tooLong = api().post("/api/v1/tokens", token,
                "{\"name\":\"x\",\"scopes\":[\"read\"],\"expiresInDays\":400}");
        ApiClient.Response noName = api().post("/api/v1/tokens", token, "{\"name\":\" \",\"scopes\":[\"read\"]}");

        assertThat(unknownScope.status()).isEqualTo(400);
        assertThat(unknownScope.json().at("/errors/0/field").asString()).isEqualTo("scopes[0]");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().at("/errors/0/field").asString()).isEqualTo("expiresInDays");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().at("/errors/0/field").asString()).isEqualTo("name");
    }

    @Test
    void aRevokedTokenIsRefusedSayingSo() {
        String token = api().tokenFor("engineer", ApiScope.READ);
        long id = idOf(token);

        ApiClient.Response revoke = api().delete("/api/v1/tokens/" + id, token);
        ApiClient.Response after = api().get("/api/v1/tokens", token);

        assertThat(revoke.status()).isEqualTo(204);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.contentType()).startsWith("application/problem+json");
        assertThat(after.json().get("detail").asString()).isEqualTo("token revoked");
        String other = api().tokenFor("engineer", ApiScope.READ);
        assertThat(infoOf(other, id).get("state").asString()).isEqualTo("REVOKED");
    }

    @Test
    void anExpiredTokenIsRefusedSayingSo() {
        String token = api().tokenFor("engineer", ApiScope.READ);
        assertThat(api().get("/api/v1/me", token).status()).isEqualTo(200);
        OffsetDateTime past = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2);
        dsl().update(API_TOKENS).set(API_TOKENS.CREATED_AT, past.minusDays(1)).set(API_TOKENS.EXPIRES_AT, past)
                .where(API_TOKENS.TOKEN_HASH.eq(sha256(token))).execute();

        ApiClient.Response after = api().get("/api/v1/me", token);

        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().get("detail").asString()).isEqualTo("token expired");
    }

    @Test
    void nobodyRevokesAnotherUsersTokenThroughTheirOwnTokensPath() {
        String engineers = api().tokenFor("engineer", ApiScope.READ);
        String admins = api().tokenFor("admin");

        ApiClient.Response attempt = api().delete("/api/v1/tokens/" + idOf(engineers), admins);

        assertThat(attempt.status()).isEqualTo(404);
        assertThat(api().get("/api/v1/me", engineers).status()).isEqualTo(200);
    }

    @Test
    void nobodyMintsATokenForAnotherPersonNotEvenAnAdmin() {
        ApiTokenService tokens = applicationContext.getBean(ApiTokenService.class);
        java.time.Instant inADay = java.time.Instant.now().plus(Duration.ofDays(1));

        assertThatThrownBy(() -> RunAs.user(applicationContext, "engineer", () -> tokens.createFor("admin", "stolen",
                Set.of(ApiScope.ADMIN), inADay, true), Role.ENGINEER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> RunAs.user(applicationContext, "admin", () -> tokens.createFor("finance", "for her",
                Set.of(ApiScope.READ), inADay, false), Role.ADMIN)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aDisabledUsersTokensStopAtOnce() {
        String name = "it-disabled-" + UUID.randomUUID().toString().substring(0, 8);
        UserService users = applicationContext.getBean(UserService.class);
        long id = RunAs.user(applicationContext, "admin", () -> users.create(new UserDraft(name, "Disabled later",
                null, "long-enough-password", Set.of(Role.ENGINEER), Set.of())).id(), Role.ADMIN);
        String token = api().tokenFor(name, ApiScope.READ);
        assertThat(api().get("/api/v1/me", token).status()).isEqualTo(200);

        RunAs.user(applicationContext, "admin", () -> users.setEnabled(id, false), Role.ADMIN);
        ApiClient.Response after = api().get("/api/v1/me", token);

        assertThat(after.status()).isEqualTo(401);
        assertThat(after.contentType()).startsWith("application/problem+json");
    }

    @Test
    void lastUseIsRecordedAtMostOnceAMinute() {
        String token = api().tokenFor("finance", ApiScope.READ);
        long id = idOf(token);
        OffsetDateTime first = lastUsed(id);

        api().get("/api/v1/me", token);
        OffsetDateTime second = lastUsed(id);

        assertThat(first).isNotNull();
        assertThat(Duration.between(first.toInstant(), java.time.Instant.now())).isLessThan(Duration.ofMinutes(1));
        assertThat(second).isEqualTo(first);
        assertThat(infoOf(token, id).get("lastUsedAt").isNull()).isFalse();
    }

    @Test
    void onlyTheSecretsHashAndPrefixAreStored() {
        String token = api().tokenFor("approver", ApiScope.READ);
        var row = dsl().selectFrom(API_TOKENS).where(API_TOKENS.TOKEN_HASH.eq(sha256(token))).fetchSingle();

        assertThat(row.getTokenHash()).hasSize(64).isEqualTo(sha256(token));
        assertThat(row.getTokenPrefix()).isEqualTo(token.substring(0, 12));
        assertThat(row.intoList()).noneMatch(value -> value != null && value.toString().contains(token.substring(4)));
    }

    @Test
    void metricsNeedTheReadScope() {
        ApiClient.Response anonymous = api().get("/actuator/prometheus", null);
        ApiClient.Response estimateOnly = api().get("/actuator/prometheus", api().tokenFor("engineer", ApiScope.ESTIMATE));
        ApiClient.Response read = api().get("/actuator/prometheus", api().tokenFor("engineer", ApiScope.READ));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(estimateOnly.status()).isEqualTo(403);
        assertThat(estimateOnly.contentType()).startsWith("application/problem+json");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).contains("jvm_memory_used_bytes");
    }

    /** The token's id, from the owner's list (the token lists itself). */
    private long idOf(String token) {
        JsonNode items = api().get("/api/v1/tokens", token).json().get("items");
        String prefix = token.substring(0, 12);
        for (JsonNode item : items) {
            if (item.get("prefix").asString().equals(prefix)) {
                return item.get("id").asLong();
            }
        }
        throw new AssertionError("token " + prefix + " is not in its owner's list: " + items);
    }

    private JsonNode infoOf(String token, long id) {
        for (JsonNode item : api().get("/api/v1/tokens?size=500", token).json().get("items")) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("no token " + id);
    }

    private OffsetDateTime lastUsed(long id) {
        return dsl().select(API_TOKENS.LAST_USED_AT).from(API_TOKENS).where(API_TOKENS.ID.eq(id))
                .fetchSingle(API_TOKENS.LAST_USED_AT);
    }

    private DSLContext dsl() {
        return applicationContext.getBean(DSLContext.class);
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
