package dev.burnrate.portal.usage.api;

import static dev.burnrate.portal.db.Tables.ANOMALIES;
import static dev.burnrate.portal.db.Tables.ANOMALY_MONITORS;
import static dev.burnrate.portal.db.Tables.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.anomaly.AnomalyRepository;
import dev.burnrate.portal.anomaly.FoundAnomaly;
import dev.burnrate.portal.api.ApiScope;
import dev.burnrate.portal.audit.AuditFilter;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.forecast.BudgetForecastJob;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.ApiClient;
import dev.burnrate.portal.support.ApiTestBase;
import dev.burnrate.portal.support.RunAs;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The finance API's authorisation matrix: role (admin, finance, approver, engineer) x endpoint x team. A token's
 * scope gates the endpoint; the owner's role and teams gate the data, as in the UI; another team's anomaly or
 * budget is not found (so ids cannot be probed), and setting its status changes nothing.
 */
class FinanceApiAuthorisationIT extends ApiTestBase {

    private static final List<String> USERS = List.of("admin", "finance", "approver", "engineer");
    private static final Set<String> ENGINEERS_TEAMS = Set.of("ml-research");
    private static final Set<String> APPROVERS_TEAMS = Set.of("ml-research", "inference");

    @Autowired
    AnomalyRepository anomalies;

    @Autowired
    DSLContext dsl;

    @Autowired
    AuditService audit;

    @Autowired
    BudgetForecastJob forecastJob;

    private final List<Long> insertedAnomalies = new ArrayList<>();

    @AfterEach
    void removeTheAnomaliesThisTestMade() {
        insertedAnomalies.forEach(id -> dsl.deleteFrom(ANOMALIES).where(ANOMALIES.ID.eq(id)).execute());
    }

    @Test
    void everyRoleReadsEveryEndpointWithAReadTokenAndNothingWithoutIt() {
        long review = firstReviewId();
        for (String user : USERS) {
            String read = api().tokenFor(user, ApiScope.READ);
            String estimateOnly = api().tokenFor(user, ApiScope.ESTIMATE, ApiScope.IMPORT);
            for (String path : readPaths(review)) {
                ApiClient.Response ok = api().get(path, read);
                assertThat(ok.status()).as(user + " GET " + path + ": " + ok.body()).isEqualTo(200);
                ApiClient.Response denied = api().get(path, estimateOnly);
                assertThat(denied.status()).as(user + " GET " + path + " without read").isEqualTo(403);
                assertThat(denied.contentType()).startsWith("application/problem+json");
            }
            String query = "{\"dataset\": \"demo\", \"groupBy\": [\"ServiceName\"]}";
            assertThat(api().post("/api/v1/queries", read, query).status()).as(user).isEqualTo(200);
            assertThat(api().post("/api/v1/queries", estimateOnly, query).status()).as(user).isEqualTo(403);
        }
        for (String path : readPaths(review)) {
            assertThat(api().get(path, null).status()).as("no token: " + path).isEqualTo(401);
        }
    }

    @Test
    void budgetsAreThoseOfTheCallersTeamsAndOwnOthersAreNotFound() {
        Set<String> all = budgetIds("finance");
        assertThat(all).contains("ml-research", "vision", "search", "research");
        assertThat(budgetIds("admin")).isEqualTo(all);
        assertThat(budgetIds("engineer")).containsExactly("ml-research");
        // the approver owns the demo's team budgets; the research budget is finance's
        assertThat(budgetIds("approver")).contains("ml-research", "inference").doesNotContain("research");

        String engineer = api().tokenFor("engineer", ApiScope.READ);
        assertThat(api().get("/api/v1/budgets/ml-research", engineer).status()).isEqualTo(200);
        ApiClient.Response vision = api().get("/api/v1/budgets/vision", engineer);
        assertThat(vision.status()).isEqualTo(404);
        assertThat(vision.contentType()).startsWith("application/problem+json");
        assertThat(api().get("/api/v1/budgets/research", api().tokenFor("approver", ApiScope.READ)).status())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/budgets/vision", api().tokenFor("finance", ApiScope.READ)).status())
                .isEqualTo(200);
    }

    @Test
    void anomaliesAreThoseOfTheCallersTeamsAndAnotherTeamsIdIsNotFoundNorChangeable() {
        long mine = insertAnomaly("ml-research");
        long theirs = insertAnomaly("search");

        assertThat(anomalyTeams("finance")).contains("ml-research", "search");
        assertThat(anomalyTeams("admin")).contains("ml-research", "search");
        assertThat(anomalyTeams("engineer")).isNotEmpty().isSubsetOf(ENGINEERS_TEAMS);
        assertThat(anomalyTeams("approver")).isNotEmpty().isSubsetOf(APPROVERS_TEAMS);

        for (String user : List.of("engineer", "approver")) {
            String token = api().tokenFor(user, ApiScope.READ);
            assertThat(api().get("/api/v1/anomalies/" + mine, token).status()).as(user).isEqualTo(200);
            assertThat(api().get("/api/v1/anomalies/" + theirs, token).status()).as(user).isEqualTo(404);
            ApiClient.Response tampered = api().put("/api/v1/anomalies/" + theirs + "/status", token,
                    "{\"status\": \"ACKNOWLEDGED\", \"note\": \"not mine\"}");
            assertThat(tampered.status()).as(user).isEqualTo(404);
            assertThat(tampered.contentType()).startsWith("application/problem+json");
        }
        assertThat(anomalies.find(theirs).orElseThrow().status().name()).isEqualTo("NEW");
        assertThat(api().get("/api/v1/anomalies/" + theirs, api().tokenFor("finance", ApiScope.READ)).status())
                .isEqualTo(200);
        assertThat(api().get("/api/v1/anomalies/987654321", api().tokenFor("admin", ApiScope.READ)).status())
                .isEqualTo(404);
    }

    @Test
    void aTeamMemberSetsTheStatusOfTheirTeamsAnomalyAuditedAndFiltersFindIt() {
        long mine = insertAnomaly("ml-research");
        String engineer = api().tokenFor("engineer", ApiScope.READ);

        ApiClient.Response changed = api().put("/api/v1/anomalies/" + mine + "/status", engineer,
                "{\"status\": \"ACKNOWLEDGED\", \"note\": \"looking into it\"}");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(changed.json().get("statusBy").asString()).isEqualTo("engineer");
        assertThat(changed.json().get("statusNote").asString()).isEqualTo("looking into it");
        assertThat(anomalies.find(mine).orElseThrow().status().name()).isEqualTo("ACKNOWLEDGED");
        assertThat(RunAs.user(applicationContext, "admin", () -> audit.find(AuditFilter.none(), 0, 50), Role.ADMIN))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("anomaly.status");
                    assertThat(e.actor()).isEqualTo("engineer");
                    assertThat(e.target()).isEqualTo("anomaly:" + mine);
                });

        JsonNode acknowledged = api().get("/api/v1/anomalies?status=ACKNOWLEDGED&size=500", engineer).json();
        assertThat(acknowledged.get("items").valueStream().map(a -> a.get("id").asLong())).contains(mine);
        JsonNode fresh = api().get("/api/v1/anomalies?status=NEW&size=500", engineer).json();
        assertThat(fresh.get("items").valueStream().map(a -> a.get("id").asLong())).doesNotContain(mine);

        ApiClient.Response bad = api().put("/api/v1/anomalies/" + mine + "/status", engineer,
                "{\"status\": \"SOLVED\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
        ApiClient.Response unknown = api().put("/api/v1/anomalies/" + mine + "/status", engineer,
                "{\"status\": \"NEW\", \"colour\": \"red\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(anomalies.find(mine).orElseThrow().status().name()).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void reviewsShowTeamScopedUsersOnlyTheirLinesAndAnUnknownReviewIsNotFound() {
        long review = firstReviewId();
        JsonNode finance = api().get("/api/v1/reviews/" + review, api().tokenFor("finance", ApiScope.READ)).json();
        assertThat(finance.get("complete").asBoolean()).isTrue();

        JsonNode engineer = api().get("/api/v1/reviews/" + review, api().tokenFor("engineer", ApiScope.READ)).json();
        assertThat(engineer.get("complete").asBoolean()).isFalse();
        assertThat(engineer.get("lines")).isNotEmpty().allSatisfy(l -> assertThat(
                ENGINEERS_TEAMS.contains(text(l, "team")) || "engineer".equals(text(l, "owner")))
                .as(l.toString()).isTrue());
        assertThat(finance.get("lines").size()).isGreaterThan(engineer.get("lines").size());

        for (String user : USERS) {
            String token = api().tokenFor(user, ApiScope.READ);
            assertThat(api().get("/api/v1/reviews/987654321", token).status()).as(user).isEqualTo(404);
            assertThat(api().get("/api/v1/reviews/987654321/export?format=pdf", token).status()).as(user)
                    .isEqualTo(404);
        }
    }

    @Test
    void storedForecastsAreThoseOfTheCallersTeams() {
        String financeToken = api().tokenFor("finance", ApiScope.READ);
        if (api().get("/api/v1/forecasts", financeToken).json().get("total").asLong() == 0) {
            forecastJob.fit(); // the scheduled first fit may not have run yet on this portal
        }
        JsonNode finance = api().get("/api/v1/forecasts?size=500", financeToken).json();
        JsonNode engineer = api().get("/api/v1/forecasts?size=500", api().tokenFor("engineer", ApiScope.READ)).json();

        assertThat(scopes(engineer)).containsExactly("team:ml-research");
        assertThat(scopes(finance)).contains("team:ml-research").hasSizeGreaterThan(1);
        JsonNode forecast = engineer.get("items").get(0);
        assertThat(forecast.get("team").asString()).isEqualTo("ml-research");
        assertThat(forecast.get("days")).isNotEmpty().allSatisfy(d -> {
            assertThat(d.get("p10").decimalValue()).isLessThanOrEqualTo(d.get("p50").decimalValue());
            assertThat(d.get("p50").decimalValue()).isLessThanOrEqualTo(d.get("p90").decimalValue());
        });
        JsonNode filtered = api().get("/api/v1/forecasts?team=vision", financeToken).json();
        assertThat(scopes(filtered)).containsExactly("team:vision");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Set<String> scopes(JsonNode page) {
        return page.get("items").valueStream().map(f -> f.get("scope").asString()).collect(Collectors.toSet());
    }

    private List<String> readPaths(long review) {
        return List.of("/api/v1/datasets", "/api/v1/datasets/demo/versions", "/api/v1/datasets/demo/lineage",
                "/api/v1/budgets", "/api/v1/budgets?period=" + reviewPeriod(review), "/api/v1/reviews",
                "/api/v1/reviews/" + review, "/api/v1/reviews/" + review + "/export?format=csv",
                "/api/v1/forecasts", "/api/v1/anomalies");
    }

    private JsonNode reviews() {
        JsonNode reviews = api().get("/api/v1/reviews", api().tokenFor("finance", ApiScope.READ)).json();
        assertThat(reviews.get("items")).as("the demo opens the last closed month's review").isNotEmpty();
        return reviews.get("items");
    }

    private long firstReviewId() {
        return reviews().get(0).get("id").asLong();
    }

    private String reviewPeriod(long id) {
        return reviews().valueStream().filter(r -> r.get("id").asLong() == id).findFirst().orElseThrow()
                .get("period").asString();
    }

    private Set<String> budgetIds(String user) {
        JsonNode page = api().get("/api/v1/budgets?size=500", api().tokenFor(user, ApiScope.READ)).json();
        return page.get("items").valueStream().map(b -> b.get("id").asString()).collect(Collectors.toSet());
    }

    private Set<String> anomalyTeams(String user) {
        JsonNode page = api().get("/api/v1/anomalies?size=500", api().tokenFor(user, ApiScope.READ)).json();
        return page.get("items").valueStream().map(a -> a.get("team").asString()).collect(Collectors.toSet());
    }

    /** An anomaly of the team's demo monitor, far in the past so no detection run or page of today shows it. */
    private long insertAnomaly(String team) {
        long teamId = dsl.select(TEAMS.ID).from(TEAMS).where(TEAMS.NAME.eq(team)).fetchSingle(TEAMS.ID);
        long monitor = dsl.select(ANOMALY_MONITORS.ID).from(ANOMALY_MONITORS)
                .where(ANOMALY_MONITORS.TEAM_ID.eq(teamId)).limit(1).fetchSingle(ANOMALY_MONITORS.ID);
        Instant when = Instant.parse("2001-01-01T00:00:00Z").plusSeconds(3600L * insertedAnomalies.size()
                + ThreadLocalRandom.current().nextLong(3_000) * 86_400);
        long id = anomalies.insertIfNew(new FoundAnomaly(monitor, teamId, team + " · api-test", when, 24,
                new BigDecimal("100.00"), new BigDecimal("250.00"), "USD", 5.0, List.of()), Optional.empty(),
                Instant.now()).orElseThrow();
        insertedAnomalies.add(id);
        return id;
    }
}
