package dev.burnrate.portal.provisioning.api;

import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.api.ApiScope;
import dev.burnrate.portal.support.ApiClient;
import dev.burnrate.portal.support.ApiTestBase;
import dev.burnrate.portal.support.ProvisioningCleanup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what through the provisioning API: role x endpoint x team, with tampered ids (another team's request
 * or resource is answered 404, as if it did not exist) and token scopes (a token gates the endpoint, the owner's
 * role and teams gate the data). Demo users: admin (team platform), finance (no team, sees all), approver
 * (ml-research, inference), engineer (ml-research).
 */
class ProvisioningApiAuthorizationIT extends ApiTestBase {

    private static final List<String> USERS = List.of("admin", "finance", "approver", "engineer");
    /** A platform request with public addresses: the security baseline sends it for approval. */
    private static final String PLATFORM_PENDING = ProvisioningApiIT.NEEDS_APPROVAL
            .replace("ml-research", "platform").replace("\"privateNetwork\": true", "\"privateNetwork\": false");
    /** The platform team's small allowed service: provisioned at once. */
    private static final String PLATFORM_RUNNING = ProvisioningApiIT.ALLOW
            .replace("\"team\": \"inference\"", "\"team\": \"platform\"");

    private final Instant start = Instant.now();

    @AfterEach
    void undoWhatTheTestMade() {
        new ProvisioningCleanup(applicationContext).undoSince(start);
    }

    private Map<String, String> tokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        USERS.forEach(user -> tokens.put(user, api().tokenFor(user)));
        return tokens;
    }

    /** The status each user gets from one call, as "user=status". */
    private static List<String> statuses(Map<String, String> tokens, Function<String, ApiClient.Response> call) {
        List<String> result = new ArrayList<>();
        tokens.forEach((user, token) -> result.add(user + "=" + call.apply(token).status()));
        return result;
    }

    @Test
    void catalogAndEstimatesAreOpenToEveryRolePolicyChecksToThoseWhoProvisionForTheirTeam() {
        Map<String, String> tokens = tokens();
        assertThat(statuses(tokens, t -> api().get("/api/v1/catalog/providers", t)))
                .containsExactly("admin=200", "finance=200", "approver=200", "engineer=200");
        assertThat(statuses(tokens, t -> api().get("/api/v1/catalog/offerings?accelerator=H100&size=5", t)))
                .containsExactly("admin=200", "finance=200", "approver=200", "engineer=200");
        assertThat(statuses(tokens, t -> api().post("/api/v1/estimates", t, ProvisioningApiIT.NEEDS_APPROVAL)))
                .containsExactly("admin=200", "finance=200", "approver=200", "engineer=200");
        // ml-research: the approver and the engineer are members, ADMIN acts for every team, FINANCE never provisions
        assertThat(statuses(tokens, t -> api().post("/api/v1/policy/evaluations", t,
                ProvisioningApiIT.NEEDS_APPROVAL)))
                .containsExactly("admin=200", "finance=403", "approver=200", "engineer=200");
        // the vision team: only ADMIN
        assertThat(statuses(tokens, t -> api().post("/api/v1/policy/evaluations", t,
                ProvisioningApiIT.NEEDS_APPROVAL.replace("ml-research", "vision"))))
                .containsExactly("admin=200", "finance=403", "approver=403", "engineer=403");
    }

    @Test
    void anotherTeamsRequestIsNotFoundForOutsidersAndOnlyItsRequesterOrAnAdminCancelsIt() {
        Map<String, String> tokens = tokens();
        DSLContext db = applicationContext.getBean(DSLContext.class);
        int before = db.fetchCount(PROVISIONING_REQUESTS);
        // requests for a team the caller is not in are refused and store nothing
        assertThat(statuses(tokens, t -> ProvisioningApiIT.request(api(), t, UUID.randomUUID().toString(),
                PLATFORM_PENDING.replace("platform", "vision"))))
                .containsExactly("admin=201", "finance=403", "approver=403", "engineer=403");
        assertThat(db.fetchCount(PROVISIONING_REQUESTS)).isEqualTo(before + 1);

        ApiClient.Response created = ProvisioningApiIT.request(api(), tokens.get("admin"),
                UUID.randomUUID().toString(), PLATFORM_PENDING);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.json().path("state").asString()).isEqualTo("PENDING_APPROVAL");

        assertThat(statuses(tokens, t -> api().get("/api/v1/provisioning/requests/" + id, t)))
                .containsExactly("admin=200", "finance=200", "approver=404", "engineer=404");
        assertThat(statuses(tokens, t -> api().get("/api/v1/provisioning/requests?size=500", t)))
                .containsExactly("admin=200", "finance=200", "approver=200", "engineer=200");
        for (String outsider : List.of("approver", "engineer")) {
            JsonNode page = api().get("/api/v1/provisioning/requests?size=500", tokens.get(outsider)).json();
            assertThat(page.path("items").toString()).as(outsider + "'s list").doesNotContain(id);
            for (JsonNode item : page.path("items")) {
                assertThat(item.path("team").asString()).isIn("ml-research", "inference");
            }
        }
        // tampered ids: an outsider cannot tell another team's request from one that does not exist
        ApiClient.Response probe = api().post("/api/v1/provisioning/requests/" + id + "/cancel",
                tokens.get("engineer"), "");
        ApiClient.Response absent = api().post("/api/v1/provisioning/requests/api-" + UUID.randomUUID()
                + "/cancel", tokens.get("engineer"), "");
        assertThat(probe.status()).isEqualTo(404);
        assertThat(absent.status()).isEqualTo(404);
        assertThat(probe.json().path("title").asString()).isEqualTo(absent.json().path("title").asString());
        assertThat(statuses(Map.of("approver", tokens.get("approver"), "finance", tokens.get("finance")),
                t -> api().post("/api/v1/provisioning/requests/" + id + "/cancel", t, "")))
                .containsExactlyInAnyOrder("approver=404", "finance=403");
        assertThat(api().get("/api/v1/provisioning/requests/" + id, tokens.get("admin")).json().path("state")
                .asString()).isEqualTo("PENDING_APPROVAL");
        ApiClient.Response cancelled = api().post("/api/v1/provisioning/requests/" + id + "/cancel",
                tokens.get("admin"), "");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("state").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void anotherTeamsResourceIsNotFoundForOutsidersAndOnlyItsOwnerOrAnAdminStopsIt() {
        Map<String, String> tokens = tokens();
        ApiClient.Response created = ProvisioningApiIT.request(api(), tokens.get("admin"),
                UUID.randomUUID().toString(), PLATFORM_RUNNING);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String resource = ProvisioningApiIT.awaitResource(api(), tokens.get("admin"),
                created.json().path("id").asString());

        for (String user : USERS) {
            String items = api().get("/api/v1/resources?size=500", tokens.get(user)).json().path("items").toString();
            assertThat(items.contains(resource)).as(user + " lists it").isEqualTo(!user.equals("approver")
                    && !user.equals("engineer"));
        }
        assertThat(statuses(tokens, t -> api().post("/api/v1/resources/" + resource + "/stop", t, "")))
                .containsExactly("admin=200", "finance=403", "approver=404", "engineer=404");
        assertThat(api().delete("/api/v1/resources/" + resource, tokens.get("engineer")).status()).isEqualTo(404);
        assertThat(api().delete("/api/v1/resources/" + resource, tokens.get("finance")).status()).isEqualTo(403);
        ApiClient.Response deleted = api().delete("/api/v1/resources/" + resource, tokens.get("admin"));
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().path("state").asString()).isEqualTo("DELETED");
    }

    @Test
    void aTokenWithoutTheScopeIsRefusedWhateverItsOwnersRole() {
        DSLContext db = applicationContext.getBean(DSLContext.class);
        int before = db.fetchCount(PROVISIONING_REQUESTS);
        String read = api().tokenFor("admin", ApiScope.READ);
        ApiClient.Response estimate = api().post("/api/v1/estimates", read, ProvisioningApiIT.NEEDS_APPROVAL);
        assertThat(estimate.status()).isEqualTo(403);
        assertThat(estimate.contentType()).contains("application/problem+json");
        assertThat(api().post("/api/v1/policy/evaluations", read, ProvisioningApiIT.NEEDS_APPROVAL).status())
                .isEqualTo(403);
        assertThat(ProvisioningApiIT.request(api(), read, UUID.randomUUID().toString(),
                ProvisioningApiIT.NEEDS_APPROVAL).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/provisioning/requests", read).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/resources", read).status()).isEqualTo(200);

        String estimateOnly = api().tokenFor("engineer", ApiScope.ESTIMATE);
        assertThat(api().post("/api/v1/estimates", estimateOnly, ProvisioningApiIT.NEEDS_APPROVAL).status())
                .isEqualTo(200);
        assertThat(api().get("/api/v1/resources", estimateOnly).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/catalog/providers", estimateOnly).status()).isEqualTo(403);
        assertThat(ProvisioningApiIT.request(api(), estimateOnly, UUID.randomUUID().toString(),
                ProvisioningApiIT.NEEDS_APPROVAL).status()).isEqualTo(403);

        String provision = api().tokenFor("engineer", ApiScope.PROVISION);
        assertThat(api().post("/api/v1/estimates", provision, ProvisioningApiIT.NEEDS_APPROVAL).status())
                .isEqualTo(403);
        assertThat(api().get("/api/v1/catalog/providers", null).status()).isEqualTo(401);
        assertThat(api().post("/api/v1/estimates", "brt_" + "x".repeat(43), ProvisioningApiIT.NEEDS_APPROVAL)
                .status()).isEqualTo(401);
        assertThat(db.fetchCount(PROVISIONING_REQUESTS)).as("nothing stored").isEqualTo(before);
    }
}
