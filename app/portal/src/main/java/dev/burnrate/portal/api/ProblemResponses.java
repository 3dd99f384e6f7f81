package dev.burnrate.portal.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents the API's error answers, which springdoc cannot see (the advice classes answer with ResponseEntity): a
 * {@code Problem} schema (RFC 9457 with the {@code errors} field list) and, on every operation, the statuses any
 * call may get (400, 401, 403, 500), 404 where the path names an item, 415 where a body is read. Statuses an
 * operation declares itself (409, 422, ...) keep their description and get the problem body. So clients and
 * {@code OpenApiContractIT} can check error bodies against the document like any other answer.
 */
@Component
class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        if (openApi.getInfo() != null && openApi.getInfo().getLicense() != null
                && openApi.getInfo().getLicense().getIdentifier() == null
                && openApi.getInfo().getLicense().getUrl() == null) {
            // OpenAPI 3.1 validators want a licence's SPDX identifier (or URL) next to its name
            openApi.getInfo().getLicense().identifier(openApi.getInfo().getLicense().getName());
        }
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> operations(item).forEach(operation -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            Map<String, String> usual = new LinkedHashMap<>();
            usual.put("400", "Invalid request: the problem names each bad field in errors[]");
            usual.put("401", "No valid token");
            usual.put("403", "The token's scope or the owner's role does not allow this");
            if (path.contains("{")) {
                usual.put("404", "No such item, or one the caller may not see");
            }
            if (operation.getRequestBody() != null) {
                usual.put("415", "Unsupported content type");
            }
            usual.put("500", "The server failed; the failure is logged");
            usual.forEach((status, description) -> responses.putIfAbsent(status,
                    new ApiResponse().description(description)));
            responses.forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    response.setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
                }
            });
            operation.setResponses(responses);
        }));
    }

    private static List<Operation> operations(PathItem item) {
        return Stream.of(item.getGet(), item.getPut(), item.getPost(), item.getDelete(), item.getPatch())
                .filter(Objects::nonNull).toList();
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().description("Path of the bad field, e.g. tags.owner"));
        fieldError.addProperty("message", new StringSchema());
        fieldError.setRequired(List.of("field", "message"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("An RFC 9457 problem");
        problem.addProperty("type", new StringSchema());
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("errors", new ArraySchema().items(fieldError));
        problem.setRequired(List.of("title", "status"));
        return problem;
    }
}
