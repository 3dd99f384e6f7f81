package dev.burnrate.portal.api.mcp;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.util.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tool argument schemas taken from the same records and annotations as the OpenAPI document, so a tool's arguments
 * and the matching REST body cannot drift apart.
 */
public final class McpSchemas {

    private McpSchemas() {
    }

    /** The JSON Schema of a request record, with no further arguments allowed. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(Class<?> type) {
        ResolvedSchema resolved = ModelConverters.getInstance().resolveAsResolvedSchema(
                new io.swagger.v3.core.converter.AnnotatedType(type).resolveAsRef(false));
        Map<String, Object> schema = new LinkedHashMap<>(Json.mapper().convertValue(resolved.schema, Map.class));
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        schema.remove("description");
        return schema;
    }

    /** An object schema from property schemas, e.g. {@code object(Map.of("status", string("...")))}. */
    public static Map<String, Object> object(Map<String, Object> properties, String... required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (required.length > 0) {
            schema.put("required", java.util.List.of(required));
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    public static Map<String, Object> string(String description) {
        return Map.of("type", "string", "description", description);
    }

    public static Map<String, Object> integer(String description) {
        return Map.of("type", "integer", "description", description);
    }
}
