package dev.burnrate.portal.usage.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.support.ApiClient;
import dev.burnrate.portal.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The finance endpoints as the OpenAPI document describes them, including the upload's raw-file body. */
class FinanceOpenApiIT extends ApiTestBase {

    @Test
    void theDocumentListsEveryFinanceOperationWithItsTagAndTheUploadsContentTypes() {
        ApiClient.Response response = api().get("/v3/api-docs", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode paths = response.json().get("paths");

        assertThat(operation(paths, "/api/v1/datasets", "get").get("tags").get(0).asString()).isEqualTo("Datasets");
        assertThat(operation(paths, "/api/v1/datasets/{name}/versions", "get")).isNotNull();
        assertThat(operation(paths, "/api/v1/datasets/{name}/lineage", "get")).isNotNull();
        JsonNode upload = operation(paths, "/api/v1/datasets/{name}/versions", "post");
        assertThat(upload.get("requestBody").get("content").propertyNames()).contains("text/csv",
                "application/octet-stream");
        assertThat(upload.get("parameters").valueStream().map(p -> p.get("name").asString()))
                .contains("name", "mode", "fileName").doesNotContain("request");
        assertThat(operation(paths, "/api/v1/queries", "post").get("requestBody")).isNotNull();
        assertThat(operation(paths, "/api/v1/budgets", "get")).isNotNull();
        assertThat(operation(paths, "/api/v1/budgets/{id}", "get")).isNotNull();
        assertThat(operation(paths, "/api/v1/reviews", "get")).isNotNull();
        assertThat(operation(paths, "/api/v1/reviews/{id}", "get")).isNotNull();
        assertThat(operation(paths, "/api/v1/reviews/{id}/export", "get")).isNotNull();
        assertThat(operation(paths, "/api/v1/forecasts", "get")).isNotNull();
        assertThat(operation(paths, "/api/v1/anomalies", "get")).isNotNull();
        assertThat(operation(paths, "/api/v1/anomalies/{id}", "get")).isNotNull();
        assertThat(operation(paths, "/api/v1/anomalies/{id}/status", "put").get("requestBody")).isNotNull();
        assertThat(response.json().get("components").get("schemas").propertyNames()).contains("ImportReport",
                "UsageQuery", "UsageQueryResult", "Budget", "Money", "ReviewSheet", "SpendForecast", "Anomaly");
    }

    private static JsonNode operation(JsonNode paths, String path, String method) {
        assertThat(paths.has(path)).as(path + " in " + paths.propertyNames()).isTrue();
        JsonNode op = paths.get(path).get(method);
        assertThat(op).as(method + " " + path).isNotNull();
        return op;
    }
}
