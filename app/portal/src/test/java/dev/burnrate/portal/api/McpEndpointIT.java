package dev.burnrate.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.support.ApiClient;
import dev.burnrate.portal.support.ApiTestBase;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The MCP endpoint's protocol: handshake, tool listing by scope, JSON-RPC errors, transport rules. */
class McpEndpointIT extends ApiTestBase {

    private ApiClient.Response rpc(String token, String json) {
        return api().send(api().request("/mcp", token).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    @Test
    void initializeAnswersTheAskedProtocolVersionAndTheToolsCapability() {
        String token = api().tokenFor("engineer", ApiScope.READ);

        JsonNode answer = rpc(token, """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-03-26",
                 "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""").json();

        assertThat(answer.get("id").asInt()).isEqualTo(1);
        assertThat(answer.at("/result/protocolVersion").asString()).isEqualTo("2025-03-26");
        assertThat(answer.at("/result/capabilities/tools").isObject()).isTrue();
        assertThat(answer.at("/result/serverInfo/name").asString()).isEqualTo("burnrate");
        assertThat(rpc(token, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").status())
                .isEqualTo(202);
    }

    @Test
    void aTokenSeesOnlyTheToolsItsScopesAllowAndCannotCallOthers() {
        JsonNode readOnly = rpc(api().tokenFor("engineer", ApiScope.READ),
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}").json();
        JsonNode estimating = rpc(api().tokenFor("engineer", ApiScope.ESTIMATE),
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}").json();

        assertThat(readOnly.at("/result/tools").toString()).doesNotContain("\"estimate_job\"");
        assertThat(estimating.at("/result/tools").toString()).contains("\"estimate_job\"", "\"check_policy\"");
        for (JsonNode tool : estimating.at("/result/tools")) {
            assertThat(tool.at("/inputSchema/type").asString()).isEqualTo("object");
            assertThat(tool.get("description").asString()).isNotBlank();
        }
        JsonNode refused = rpc(api().tokenFor("engineer", ApiScope.READ), """
                {"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"estimate_job","arguments":{}}}""")
                .json();
        assertThat(refused.at("/result/isError").asBoolean()).isTrue();
        assertThat(refused.at("/result/content/0/text").asString()).contains("'estimate' scope");
    }

    @Test
    void protocolErrorsAreJsonRpcErrors() {
        String token = api().tokenFor("engineer", ApiScope.READ);

        assertThat(rpc(token, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"resources/list\"}").json()
                .at("/error/code").asInt()).isEqualTo(-32601);
        assertThat(rpc(token, "{not json").json().at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(rpc(token, "[{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\"}]").json().at("/error/code")
                .asInt()).isEqualTo(-32600);
        assertThat(rpc(token, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\"}}")
                .json().at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(rpc(token, "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\"}").json().get("result").isObject())
                .isTrue();
    }

    @Test
    void theTransportNeedsATokenRefusesOtherOriginsAndOffersNoEventStream() {
        String token = api().tokenFor("engineer", ApiScope.READ);

        assertThat(rpc(null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").status()).isEqualTo(401);
        assertThat(api().send(api().request("/mcp", token).header("Content-Type", "application/json")
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")).build()).status()).isEqualTo(403);
        assertThat(api().get("/mcp", token).status()).isEqualTo(405);
        assertThat(api().send(api().request("/mcp", token).header("Content-Type", "application/json")
                .header("MCP-Protocol-Version", "1999-01-01").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")).build()).status()).isEqualTo(400);
    }

    @Test
    void anAgentEstimatesAJobAndChecksItAgainstPolicyWithTheApisAnswers() {
        String token = api().tokenFor("engineer", ApiScope.ESTIMATE);
        String spec = """
                {"kind": "training", "team": "ml-research", "provider": "aws", "region": "us-east-1",
                 "accelerator": "H100", "acceleratorCount": 8, "hours": 72, "dataClassification": "personal-eu",
                 "encrypted": true, "privateNetwork": true, "tags": {"cost-center": "CC-1234", "owner": "engineer"}}""";

        JsonNode estimate = rpc(token, "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"estimate_job\",\"arguments\":" + spec + "}}").json();
        JsonNode check = rpc(token, "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"check_policy\",\"arguments\":" + spec + "}}").json();
        ApiClient.Response rest = api().post("/api/v1/policy/evaluations", token, spec);

        assertThat(estimate.at("/result/isError").asBoolean()).as(estimate.toString()).isFalse();
        assertThat(estimate.at("/result/structuredContent/offerings").size()).isPositive();
        assertThat(estimate.at("/result/structuredContent/priceCatalogVersion").asString()).startsWith("sha256:");
        assertThat(check.at("/result/structuredContent/decision").asString()).isEqualTo("DENY");
        assertThat(check.at("/result/structuredContent")).isEqualTo(rest.json());
        assertThat(check.at("/result/content/0/text").asString()).contains("\"decision\":\"DENY\"");
    }

    @Test
    void badToolArgumentsAreToolErrorsTheAgentCanCorrect() {
        String token = api().tokenFor("engineer", ApiScope.ESTIMATE);

        JsonNode unknownField = rpc(token, """
                {"jsonrpc":"2.0","id":12,"method":"tools/call","params":{"name":"estimate_job",
                 "arguments":{"kind":"training","colour":"red"}}}""").json();
        JsonNode badKind = rpc(token, """
                {"jsonrpc":"2.0","id":13,"method":"tools/call","params":{"name":"estimate_job",
                 "arguments":{"kind":"batch"}}}""").json();

        assertThat(unknownField.at("/result/isError").asBoolean()).isTrue();
        assertThat(unknownField.at("/result/content/0/text").asString()).contains("colour");
        assertThat(badKind.at("/result/isError").asBoolean()).isTrue();
        assertThat(badKind.at("/result/content/0/text").asString()).contains("kind");
    }

    @Test
    void readToolsAnswerWhatTheRestApiAnswersForTheSameUser() {
        String token = api().tokenFor("engineer", ApiScope.READ);

        JsonNode anomalies = call(token, "list_anomalies", "{}");
        JsonNode budgets = call(token, "list_budgets", "{\"size\": 5}");
        JsonNode spend = call(token, "query_cost", "{\"dataset\": \"demo-billing\", \"groupBy\": [\"ServiceName\"],"
                + " \"top\": 3}");
        JsonNode unknown = rpc(token, """
                {"jsonrpc":"2.0","id":21,"method":"tools/call","params":{"name":"list_budgets",
                 "arguments":{"colour":"red"}}}""").json();

        assertThat(anomalies).isEqualTo(api().get("/api/v1/anomalies", token).json());
        assertThat(budgets).isEqualTo(api().get("/api/v1/budgets?size=5", token).json());
        assertThat(spend).isEqualTo(api().post("/api/v1/queries", token, "{\"dataset\": \"demo-billing\","
                + " \"groupBy\": [\"ServiceName\"], \"top\": 3}").json());
        assertThat(unknown.at("/result/isError").asBoolean()).isTrue();
        assertThat(unknown.at("/result/content/0/text").asString()).contains("colour");
    }

    private JsonNode call(String token, String tool, String arguments) {
        JsonNode answer = rpc(token, "{\"jsonrpc\":\"2.0\",\"id\":20,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}}").json();
        assertThat(answer.at("/result/isError").asBoolean()).as(answer.toString()).isFalse();
        return answer.at("/result/structuredContent");
    }
}
