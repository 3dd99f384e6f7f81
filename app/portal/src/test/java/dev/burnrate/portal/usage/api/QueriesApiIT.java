package dev.burnrate.portal.usage.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.engine.usage.query.GroupKey;
import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.portal.api.ApiScope;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.ApiClient;
import dev.burnrate.portal.support.ApiTestBase;
import dev.burnrate.portal.support.RunAs;
import dev.burnrate.portal.usage.UsageQueryService;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The explorer's queries over the API: the same answers as the explorer's service, team-scoped, one currency per
 * row; bad names, malformed JSON and unknown fields answered with field paths.
 */
class QueriesApiIT extends ApiTestBase {

    private static final String PER_TEAM = """
            {"dataset": "demo", "groupBy": ["tag:team"], "metric": "EffectiveCost"}""";

    @Autowired
    UsageQueryService queries;

    @Test
    void financeGetsTheExplorersFiguresPerTeamAndCurrency() {
        ApiClient.Response response = api().post("/api/v1/queries", api().tokenFor("finance", ApiScope.READ),
                PER_TEAM);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        String version = body.get("version").asString();
        Map<String, BigDecimal> byTeamAndCurrency = rows(body);
        assertThat(byTeamAndCurrency.keySet().stream().map(k -> k.split("\\|")[0]))
                .contains("ml-research", "platform");

        QueryResult expected = RunAs.user(applicationContext, "finance", () -> queries.explore(version,
                UsageQuery.builder().groupBy(GroupKey.tag("team"), GroupKey.dimension("BillingCurrency"))
                        .sum(Metric.EFFECTIVE_COST).build()), Role.FINANCE);
        assertThat(byTeamAndCurrency).hasSize(expected.rows().size());
        for (QueryResult.Row row : expected.rows()) {
            assertThat(byTeamAndCurrency.get(row.keys().get(0) + "|" + row.keys().get(1)))
                    .isEqualTo(BigDecimal.valueOf(row.values()[0]).stripTrailingZeros());
        }
        assertThat(body.get("currencies").valueStream().map(t -> t.get("currency").asString())).contains("USD");
    }

    @Test
    void anEngineerGetsOnlyTheirTeamsRows() {
        JsonNode finance = api().post("/api/v1/queries", api().tokenFor("finance", ApiScope.READ), PER_TEAM).json();
        ApiClient.Response response = api().post("/api/v1/queries", api().tokenFor("engineer", ApiScope.READ),
                PER_TEAM);

        assertThat(response.status()).isEqualTo(200);
        Map<String, BigDecimal> mine = rows(response.json());
        assertThat(mine).isNotEmpty();
        assertThat(mine.keySet()).allSatisfy(k -> assertThat(k).startsWith("ml-research|"));
        mine.forEach((key, value) -> assertThat(rows(finance)).containsEntry(key, value));
    }

    @Test
    void bucketsAndFiltersNarrowTheAnswer() {
        String token = api().tokenFor("admin", ApiScope.READ);
        JsonNode daily = api().post("/api/v1/queries", token, """
                {"dataset": "demo", "groupBy": ["ProviderName"], "filters": {"tag:team": ["platform"]},
                 "bucket": "DAY", "metric": "BilledCost", "top": 3}""").json();

        assertThat(daily.get("bucket").asString()).isEqualTo("DAY");
        assertThat(daily.get("rows")).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("bucket").asString()).endsWith("T00:00:00Z");
            assertThat(r.get("currency").asString()).isNotBlank();
            assertThat(r.get("keys").has("ProviderName")).isTrue();
        });
        JsonNode all = api().post("/api/v1/queries", token, """
                {"dataset": "demo", "metric": "BilledCost"}""").json();
        assertThat(daily.get("rowsMatched").asLong()).isPositive().isLessThan(all.get("rowsMatched").asLong());
    }

    @Test
    void badNamesMalformedJsonAndUnknownFieldsAreAnsweredWithTheirPaths() {
        String token = api().tokenFor("finance", ApiScope.READ);

        ApiClient.Response names = api().post("/api/v1/queries", token, """
                {"dataset": "demo", "groupBy": ["ServiceName", "Colour"], "metric": "Profit"}""");
        assertThat(names.status()).isEqualTo(400);
        assertThat(names.contentType()).startsWith("application/problem+json");
        assertThat(names.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("groupBy[1]", "metric");

        ApiClient.Response noDataset = api().post("/api/v1/queries", token, """
                {"dataset": "no-such-dataset"}""");
        assertThat(noDataset.status()).isEqualTo(400);
        assertThat(noDataset.json().get("errors").get(0).get("field").asString()).isEqualTo("dataset");

        ApiClient.Response malformed = api().post("/api/v1/queries", token, "{\"dataset\": \"demo\", ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        ApiClient.Response unknown = api().post("/api/v1/queries", token, """
                {"dataset": "demo", "grupBy": ["ServiceName"]}""");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("grupBy");
    }

    /** "team|currency" to value, from an answer grouped by tag:team. */
    private static Map<String, BigDecimal> rows(JsonNode body) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (JsonNode row : body.get("rows")) {
            JsonNode team = row.get("keys").get("tag:team");
            out.put((team.isNull() ? "null" : team.asString()) + "|" + row.get("currency").asString(),
                    row.get("value").decimalValue().stripTrailingZeros());
        }
        return out;
    }
}
