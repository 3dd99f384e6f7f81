package dev.burnrate.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.support.ApiClient;
import dev.burnrate.portal.support.ApiTestBase;
import org.junit.jupiter.api.Test;

/** Bearer tokens on the API chain: who a token acts as, and the problem answers when it cannot act at all. */
class ApiTokenAuthenticationIT extends ApiTestBase {

    @Test
    void aTokenActsAsItsOwnerWithItsScopes() {
        String token = api().tokenFor("engineer", ApiScope.READ, ApiScope.ESTIMATE);

        ApiClient.Response me = api().get("/api/v1/me", token);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("engineer");
        assertThat(me.json().get("roles").toString()).contains("ENGINEER").doesNotContain("ADMIN");
        assertThat(me.json().get("scopes").toString()).isEqualTo("[\"read\",\"estimate\"]");
    }

    @Test
    void noTokenIsAProblemThatSaysHowToAuthenticate() {
        ApiClient.Response me = api().get("/api/v1/me", null);

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.contentType()).startsWith("application/problem+json");
        assertThat(me.json().get("detail").asString()).contains("Bearer");
        assertThat(me.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"burnrate\"");
    }

    @Test
    void anUnknownOrMalformedTokenIsRefusedWithTheReason() {
        String unknown = "brt_" + "A".repeat(43);

        assertThat(api().get("/api/v1/me", unknown).json().get("detail").asString()).isEqualTo("unknown token");
        assertThat(api().get("/api/v1/me", "not-a-token").json().get("detail").asString())
                .isEqualTo("malformed token");
        assertThat(api().get("/api/v1/me", "not-a-token").status()).isEqualTo(401);
    }

    @Test
    void theApiNeitherCreatesSessionsNorRedirectsToTheLoginPage() {
        ApiClient.Response me = api().get("/api/v1/me", api().tokenFor("finance", ApiScope.READ));

        assertThat(me.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(api().get("/api/v1/nothing-here", null).status()).isEqualTo(401);
    }

    @Test
    void anUnknownApiPathIsANotFoundProblemNotThePortalsPage() {
        ApiClient.Response missing = api().get("/api/v1/nothing-here", api().tokenFor("engineer", ApiScope.READ));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("detail").asString()).contains("GET /api/v1/nothing-here");
    }

    @Test
    void theOpenApiDocumentIsPublicAndDescribesTheBearerScheme() {
        ApiClient.Response doc = api().get("/v3/api-docs", null);

        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().get("openapi").asString()).startsWith("3.");
        assertThat(doc.json().at("/components/securitySchemes/token/scheme").asString()).isEqualTo("bearer");
        assertThat(doc.json().at("/paths/~1api~1v1~1me/get")).isNotNull();
    }
}
