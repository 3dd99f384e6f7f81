package dev.burnrate.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.support.ApiClient;
import dev.burnrate.portal.support.ApiTestBase;
import dev.burnrate.portal.support.ProvisioningCleanup;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The OpenAPI document the portal serves is the contract clients (the CLI, pipelines, MCP agents) are written
 * against, so it must not drift from the code: every /api/v1 handler is documented and every documented operation
 * exists, the document is valid OpenAPI 3, and real responses match their documented schemas. Generic: it covers
 * every controller of the portal, whoever wrote it.
 */
class OpenApiContractIT extends ApiTestBase {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch");
    /** Operations any caller (the CLI's login exchange) or any valid token (who am I) may call: no scope. */
    private static final Set<String> UNSCOPED = Set.of("POST /api/v1/auth/token", "GET /api/v1/me");

    private JsonNode document;
    private String documentText;

    @BeforeEach
    void readTheDocument() throws IOException {
        ApiClient.Response response = api().get("/v3/api-docs", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        documentText = response.body();
        document = response.json();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi.json"), documentText);
    }

    @Test
    void everyHandlerIsDocumentedAndEveryDocumentedOperationExists() {
        Set<String> handlers = new TreeSet<>(handlers().keySet());
        Set<String> documented = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(op -> HTTP_METHODS.contains(op.getKey()))
                .forEach(op -> documented.add(op.getKey().toUpperCase() + " " + normalize(path.getKey()))));
        assertThat(handlers).as("the portal has /api/v1 handlers").isNotEmpty();
        assertThat(difference(handlers, documented)).as("handlers missing from /v3/api-docs").isEmpty();
        assertThat(difference(documented, handlers)).as("documented operations without a handler").isEmpty();
    }

    @Test
    void everyOperationHasASummaryATagAndDeclaresItsScope() {
        List<String> problems = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(op -> HTTP_METHODS.contains(op.getKey())).forEach(op -> {
                    String name = op.getKey().toUpperCase() + " " + path.getKey();
                    if (op.getValue().path("summary").asString("").isBlank()) {
                        problems.add(name + ": no summary");
                    }
                    if (op.getValue().path("tags").isEmpty()) {
                        problems.add(name + ": no tag");
                    }
                }));
        handlers().forEach((name, method) -> {
            PreAuthorize scope = method.getMethodAnnotation(PreAuthorize.class);
            if (!UNSCOPED.contains(name) && (scope == null || !scope.value().contains("SCOPE_"))) {
                problems.add(name + ": no @PreAuthorize naming the token scope it needs");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void theDocumentIsValidOpenApi3() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(documentText, null, options);
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.");
        assertThat(result.getOpenAPI().getComponents().getSecuritySchemes()).containsKey("token");
        // every $ref points at a schema that is there
        OpenApiSchemaCheck check = new OpenApiSchemaCheck(document);
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        refs.forEach(ref -> check.resolve(JsonNodeFactory.instance.objectNode()
                .put("$ref", ref)));
    }

    /**
     * Every documented GET that needs no parameters, called as an administrator with every scope, and the
     * provisioning calls with bodies: each answer matches the schema documented for its status.
     */
    @Test
    void realResponsesMatchTheirDocumentedSchemas() {
        String admin = api().tokenFor("admin");
        String engineer = api().tokenFor("engineer");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            JsonNode get = path.getValue().path("get");
            if (get.isMissingNode() || path.getKey().contains("{") || hasRequiredParameter(get)) {
                continue;
            }
            problems.addAll(check("get", path.getKey(), api().get(path.getKey(), admin)));
            checked++;
        }
        assertThat(checked).as("parameterless GETs checked").isGreaterThanOrEqualTo(4);
        Instant start = Instant.now();
        try {
            String spec = """
                    {"kind": "training", "team": "ml-research", "provider": "aws", "region": "eu-north-1",
                     "accelerator": "H100", "acceleratorCount": 8, "hours": 24, "purchaseOption": "SPOT",
                     "checkpointing": true, "dataClassification": "internal", "encrypted": true,
                     "privateNetwork": true, "tags": {"cost-center": "CC-4711", "owner": "engineer"}}""";
            problems.addAll(check("post", "/api/v1/estimates", api().post("/api/v1/estimates", engineer, spec)));
            problems.addAll(check("post", "/api/v1/estimates",
                    api().post("/api/v1/estimates", engineer, "{\"kind\": \"batch\"}")));
            problems.addAll(check("post", "/api/v1/policy/evaluations",
                    api().post("/api/v1/policy/evaluations", engineer, spec)));
            // on demand for three days: past the budget's 80%, so it waits for approval and can be cancelled
            String waits = spec.replace("\"hours\": 24", "\"hours\": 72").replace("SPOT", "ON_DEMAND");
            ApiClient.Response created = api().send(api().request("/api/v1/provisioning/requests", engineer)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(waits)).build());
            assertThat(created.json().path("state").asString()).as(created.body()).isEqualTo("PENDING_APPROVAL");
            problems.addAll(check("post", "/api/v1/provisioning/requests", created));
            String id = created.json().path("id").asString();
            problems.addAll(check("get", "/api/v1/provisioning/requests/{id}",
                    api().get("/api/v1/provisioning/requests/" + id, engineer)));
            problems.addAll(check("post", "/api/v1/provisioning/requests/{id}/cancel",
                    api().post("/api/v1/provisioning/requests/" + id + "/cancel", engineer, "")));
            problems.addAll(check("post", "/api/v1/provisioning/requests/{id}/cancel",
                    api().post("/api/v1/provisioning/requests/" + id + "/cancel", engineer, "")));
            problems.addAll(check("get", "/api/v1/provisioning/requests/{id}",
                    api().get("/api/v1/provisioning/requests/nope-" + UUID.randomUUID(), engineer)));
        } finally {
            new ProvisioningCleanup(applicationContext).undoSince(start);
        }
        assertThat(problems).isEmpty();
    }

    /** Problems of one response against the document: an undocumented status, or a body that misfits its schema. */
    private List<String> check(String method, String path, ApiClient.Response response) {
        String name = method.toUpperCase() + " " + path + " -> " + response.status();
        JsonNode responses = document.path("paths").path(path).path(method).path("responses");
        JsonNode documented = responses.has(String.valueOf(response.status()))
                ? responses.get(String.valueOf(response.status())) : responses.path("default");
        if (documented.isMissingNode()) {
            return List.of(name + ": status not documented (" + response.body() + ")");
        }
        if (!response.contentType().contains("json")) {
            return response.body().isEmpty() ? List.of() : List.of(name + ": not JSON but " + response.contentType());
        }
        JsonNode schema = null;
        for (Map.Entry<String, JsonNode> content : documented.path("content").properties()) {
            if (content.getKey().contains("json") || content.getKey().equals("*/*")) {
                schema = content.getValue().path("schema");
                break;
            }
        }
        if (schema == null) {
            return List.of(name + ": no JSON schema documented");
        }
        return new OpenApiSchemaCheck(document).problems(response.json(), schema).stream()
                .map(p -> name + ": " + p).toList();
    }

    /** "METHOD /path" of every /api/v1 handler method, path variables written {} so names do not matter. */
    private Map<String, HandlerMethod> handlers() {
        RequestMappingHandlerMapping mapping = applicationContext.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        Map<String, HandlerMethod> handlers = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/v1")) {
                    continue;
                }
                assertThat(methods).as(pattern + " names its HTTP method").isNotEmpty();
                methods.forEach(m -> handlers.put(m.name() + " " + normalize(pattern), entry.getValue()));
            }
        }
        return handlers;
    }

    private static String normalize(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    private static boolean hasRequiredParameter(JsonNode operation) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("required").asBoolean(false)) {
                return true;
            }
        }
        return operation.path("requestBody").path("required").asBoolean(false);
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref") && e.getValue().isString()) {
                    refs.add(e.getValue().asString());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
