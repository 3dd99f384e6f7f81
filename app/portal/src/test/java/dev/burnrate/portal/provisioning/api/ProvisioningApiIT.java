package dev.burnrate.portal.provisioning.api;

import static dev.burnrate.portal.db.Tables.API_IDEMPOTENCY_KEYS;
import static dev.burnrate.portal.db.Tables.BUDGET_RESERVATIONS;
import static dev.burnrate.portal.db.Tables.POLICY_DECISIONS;
import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.support.ApiClient;
import dev.burnrate.portal.support.ApiTestBase;
import dev.burnrate.portal.support.ProvisioningCleanup;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The provisioning API end to end on the demo portal: estimates, policy dry runs, idempotent requests, cancel,
 * resources, and bad input answered with clear problems and nothing stored. Everything a test makes is undone.
 */
class ProvisioningApiIT extends ApiTestBase {

    /** Three days of eight H100s for ML research in the EU: past the budget's 80%, so it needs approval. */
    static final String NEEDS_APPROVAL = """
            {"kind": "training", "team": "ml-research", "name": "api-finetune", "provider": "aws",
             "region": "eu-north-1", "accelerator": "H100", "acceleratorCount": 8, "hours": 72,
             "dataClassification": "internal", "encrypted": true, "privateNetwork": true,
             "tags": {"cost-center": "CC-1234", "owner": "engineer"}}""";
    /** The same in us-east-1 with EU personal data: the GDPR policy refuses it. */
    static final String DENY = NEEDS_APPROVAL.replace("eu-north-1", "us-east-1").replace("internal", "personal-eu");
    /** A small A10G service for the inference team, encrypted and private: allowed, provisioned at once. */
    static final String ALLOW = """
            {"kind": "inference", "team": "inference", "name": "api-serving", "provider": "aws",
             "region": "eu-central-1", "instanceType": "g5.12xlarge", "purchaseOption": "ON_DEMAND",
             "dataClassification": "internal", "encrypted": true, "privateNetwork": true,
             "tags": {"cost-center": "CC-2001", "owner": "approver"}}""";

    private final Instant start = Instant.now();

    @AfterEach
    void undoWhatTheTestMade() {
        new ProvisioningCleanup(applicationContext).undoSince(start);
    }

    private DSLContext db() {
        return applicationContext.getBean(DSLContext.class);
    }

    static ApiClient.Response request(ApiClient api, String token, String key, String json) {
        HttpRequest.Builder builder = api.request("/api/v1/provisioning/requests", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            builder.header("Idempotency-Key", key);
        }
        return api.send(builder.build());
    }

    @Test
    void estimatesEveryMatchingOfferingCheapestFirstSimulatingSpotAndAnswerTheSameTwice() {
        String engineer = api().tokenFor("engineer");
        String spec = """
                {"kind": "training", "provider": "aws", "accelerator": "H100", "acceleratorCount": 16, "hours": 72,
                 "purchaseOption": "SPOT", "checkpointing": true}""";
        ApiClient.Response first = api().post("/api/v1/estimates", engineer, spec);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode body = first.json();
        assertThat(body.path("priceCatalogVersion").asString()).matches("sha256:[0-9a-f]{16}");
        assertThat(body.path("spec").path("team").asString()).isEqualTo("ml-research");
        assertThat(body.path("spec").path("name").asString()).isEqualTo("api-job");
        JsonNode offerings = body.path("offerings");
        assertThat(offerings.size()).isGreaterThan(3);
        List<BigDecimal> expected = new ArrayList<>();
        for (JsonNode o : offerings) {
            assertThat(o.path("provider").asString()).isEqualTo("aws");
            assertThat(o.path("accelerator").asString()).isEqualTo("H100");
            assertThat(o.path("instances").asInt()).isEqualTo(16 / o.path("acceleratorsPerInstance").asInt());
            assertThat(o.path("source").asString()).startsWith("simulated: 20,000 spot scenarios");
            BigDecimal hourly = o.path("hourly").decimalValue();
            BigDecimal mean = o.path("expected").decimalValue();
            // interruptions only add time: never below the uninterrupted list total; P50 <= P90
            assertThat(mean).isGreaterThanOrEqualTo(hourly.multiply(BigDecimal.valueOf(72)).setScale(2,
                    java.math.RoundingMode.HALF_EVEN).subtract(BigDecimal.ONE));
            assertThat(o.path("p50").decimalValue()).isLessThanOrEqualTo(o.path("p90").decimalValue());
            expected.add(mean);
        }
        assertThat(expected).isSorted();
        ApiClient.Response second = api().post("/api/v1/estimates", engineer, spec.replace("\n", " "));
        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void anOpenEndedServiceIsPricedPerMonthAtListPrices() {
        ApiClient.Response response = api().post("/api/v1/estimates", api().tokenFor("finance"), """
                {"kind": "inference", "provider": "aws", "region": "eu-central-1", "instanceType": "g5.12xlarge"}""");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode only = response.json().path("offerings").get(0);
        assertThat(response.json().path("offerings").size()).isEqualTo(1);
        assertThat(only.path("instances").asInt()).isEqualTo(1);
        assertThat(only.path("source").asString()).isEqualTo("list prices");
        assertThat(only.path("expected").doubleValue()).isCloseTo(only.path("hourly").doubleValue() * 730,
                org.assertj.core.data.Offset.offset(0.05));
        assertThat(only.path("p90").decimalValue()).isEqualByComparingTo(only.path("expected").decimalValue());
        assertThat(response.json().path("spec").path("team").isNull()).as("finance belongs to no team").isTrue();
    }

    @Test
    void policyEvaluationsDecideLikeThePreviewAndStoreNothing() {
        int requests = db().fetchCount(PROVISIONING_REQUESTS);
        int decisions = db().fetchCount(POLICY_DECISIONS);
        String engineer = api().tokenFor("engineer");

        JsonNode denied = api().post("/api/v1/policy/evaluations", engineer, DENY).json();
        assertThat(denied.path("decision").asString()).as(denied.toString()).isEqualTo("DENY");
        assertThat(denied.path("violations").toString()).contains("GDPR data residency", "us-east-1");

        JsonNode approval = api().post("/api/v1/policy/evaluations", engineer, NEEDS_APPROVAL).json();
        assertThat(approval.path("decision").asString()).as(approval.toString()).isEqualTo("NEEDS_APPROVAL");
        assertThat(approval.path("offering").path("instanceType").asString()).isEqualTo("p5.48xlarge");
        assertThat(approval.path("offering").path("instances").asInt()).isEqualTo(1);
        JsonNode budget = approval.path("budgets").get(0);
        assertThat(budget.path("currency").asString()).isEqualTo("USD");
        assertThat(budget.path("after").decimalValue()).isGreaterThan(budget.path("limit").decimalValue()
                .multiply(new BigDecimal("0.8")));

        JsonNode allowed = api().post("/api/v1/policy/evaluations", api().tokenFor("approver"), ALLOW).json();
        assertThat(allowed.path("decision").asString()).as(allowed.toString()).isEqualTo("ALLOW");

        assertThat(db().fetchCount(PROVISIONING_REQUESTS)).isEqualTo(requests);
        assertThat(db().fetchCount(POLICY_DECISIONS)).isEqualTo(decisions);
    }

    @Test
    void aKeyNamesOneRequestARetryGetsItAgainAndAnotherBodyIsRefused() {
        String engineer = api().tokenFor("engineer");
        String key = UUID.randomUUID().toString();
        ApiClient.Response created = request(api(), engineer, key, NEEDS_APPROVAL);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode request = created.json();
        String id = request.path("id").asString();
        assertThat(request.path("state").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(request.path("requestedBy").asString()).isEqualTo("engineer");
        assertThat(request.path("reasons").asString()).as("why it waits").contains("80% threshold");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/provisioning/requests/" + id);
        int stored = db().fetchCount(PROVISIONING_REQUESTS);

        // the same body laid out differently is the same request
        ApiClient.Response retry = request(api(), engineer, key, NEEDS_APPROVAL.replace("\n", "  "));
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().path("id").asString()).isEqualTo(id);

        ApiClient.Response other = request(api(), engineer, key, NEEDS_APPROVAL.replace("\"hours\": 72",
                "\"hours\": 48"));
        assertThat(other.status()).as(other.body()).isEqualTo(422);
        assertThat(other.contentType()).contains("application/problem+json");
        assertThat(other.json().path("detail").asString()).contains(key);

        ApiClient.Response missing = request(api(), engineer, null, NEEDS_APPROVAL);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").get(0).path("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(db().fetchCount(PROVISIONING_REQUESTS)).as("nothing stored by refused calls").isEqualTo(stored);

        // another user's same key is another request
        ApiClient.Response approvers = request(api(), api().tokenFor("approver"), key, NEEDS_APPROVAL);
        assertThat(approvers.status()).as(approvers.body()).isEqualTo(201);
        assertThat(approvers.json().path("id").asString()).isNotEqualTo(id);

        JsonNode listed = api().get("/api/v1/provisioning/requests?size=500", engineer).json();
        assertThat(listed.path("items").toString()).contains(id);
        assertThat(api().get("/api/v1/provisioning/requests/" + id, engineer).json().path("estimate")
                .path("currency").asString()).isEqualTo("USD");
    }

    @Test
    void cancellingFreesTheReservationOnceAndOnlyWhileItWaits() {
        String engineer = api().tokenFor("engineer");
        String id = request(api(), engineer, UUID.randomUUID().toString(), NEEDS_APPROVAL).json().path("id")
                .asString();
        assertThat(db().fetchCount(BUDGET_RESERVATIONS, BUDGET_RESERVATIONS.REQUEST_ID.eq(id))).isPositive();

        ApiClient.Response cancelled = api().post("/api/v1/provisioning/requests/" + id + "/cancel", engineer, "");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("state").asString()).isEqualTo("CANCELLED");
        assertThat(db().fetchCount(BUDGET_RESERVATIONS, BUDGET_RESERVATIONS.REQUEST_ID.eq(id))).isZero();

        ApiClient.Response again = api().post("/api/v1/provisioning/requests/" + id + "/cancel", engineer, "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asString()).contains("cancelled");
    }

    @Test
    void anAllowedRequestRunsAndItsOwnerStopsAndDeletesTheResource() {
        String approver = api().tokenFor("approver");
        JsonNode request = request(api(), approver, UUID.randomUUID().toString(), ALLOW).json();
        String id = request.path("id").asString();
        assertThat(request.path("outcome").asString()).as(request.toString()).isIn("ALLOW", "WARN");
        String resourceId = awaitResource(approver, id);

        JsonNode resources = api().get("/api/v1/resources?size=500", approver).json();
        assertThat(resources.path("items").toString()).contains(resourceId);
        ApiClient.Response stopped = api().post("/api/v1/resources/" + resourceId + "/stop", approver, "");
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        assertThat(stopped.json().path("state").asString()).isEqualTo("STOPPED");
        ApiClient.Response deleted = api().delete("/api/v1/resources/" + resourceId, approver);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().path("state").asString()).isEqualTo("DELETED");
    }

    /** Waits for the provider to create the request's resource. */
    static String awaitResource(ApiClient api, String token, String requestId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode request = api.get("/api/v1/provisioning/requests/" + requestId, token).json();
            if (!request.path("resourceId").isNull() && !request.path("resourceId").isMissingNode()) {
                return request.path("resourceId").asString();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("request " + requestId + " was not provisioned within a minute");
    }

    private String awaitResource(String token, String requestId) {
        return awaitResource(api(), token, requestId);
    }

    @Test
    void badInputIsAClearProblemAndStoresNothing() {
        String engineer = api().tokenFor("engineer");
        int requests = db().fetchCount(PROVISIONING_REQUESTS);
        int keys = db().fetchCount(API_IDEMPOTENCY_KEYS);

        ApiClient.Response malformed = request(api(), engineer, UUID.randomUUID().toString(), "{\"kind\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).contains("application/problem+json");

        ApiClient.Response unknown = api().post("/api/v1/estimates", engineer,
                NEEDS_APPROVAL.replace("\"kind\"", "\"colour\": \"red\", \"kind\""));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").toString()).contains("colour");

        ApiClient.Response wrongType = api().send(api().request("/api/v1/estimates", engineer)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("kind: training"))
                .build());
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.contentType()).contains("application/problem+json");

        ApiClient.Response invalid = request(api(), engineer, UUID.randomUUID().toString(),
                NEEDS_APPROVAL.replace("api-finetune", "Bad Name!").replace("internal", "secret"));
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "dataClassification");
        assertThat(invalid.json().path("detail").asString()).contains("Nothing was stored");

        ApiClient.Response tooMany = request(api(), engineer, UUID.randomUUID().toString(),
                NEEDS_APPROVAL.replace("\"acceleratorCount\": 8", "\"acceleratorCount\": 8000"));
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(400);
        assertThat(tooMany.json().path("errors").get(0).path("field").asString()).isEqualTo("accelerator");
        assertThat(tooMany.json().path("errors").get(0).path("message").asString()).contains("8000 accelerators");

        ApiClient.Response badKind = api().post("/api/v1/estimates", engineer, "{\"kind\": \"batch\","
                + " \"accelerator\": \"H100\", \"hours\": 0}");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().path("errors").findValuesAsString("field")).containsExactly("kind", "hours");

        assertThat(db().fetchCount(PROVISIONING_REQUESTS)).isEqualTo(requests);
        assertThat(db().fetchCount(API_IDEMPOTENCY_KEYS)).isEqualTo(keys);
    }
}
