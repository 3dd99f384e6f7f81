package dev.burnrate.portal.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON value against a schema of the served OpenAPI document: types, required properties, enums, array
 * items and nested objects, following {@code $ref}s into {@code components.schemas}. Enough to catch a response
 * that drifted from its documentation (a renamed or missing field, a number written as a string); not a full JSON
 * Schema validator.
 */
final class OpenApiSchemaCheck {

    private final JsonNode document;

    OpenApiSchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** Every mismatch, each with its JSON path; empty when the value fits. */
    List<String> problems(JsonNode value, JsonNode schema) {
        List<String> problems = new ArrayList<>();
        check("$", value, schema, problems, 0);
        return problems;
    }

    private void check(String path, JsonNode value, JsonNode schema, List<String> problems, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 40) {
            return;
        }
        schema = resolve(schema);
        if (value == null || value.isNull()) {
            return; // a missing and a null optional field mean the same to a client; required ones are checked below
        }
        for (String combinator : List.of("allOf")) {
            if (schema.has(combinator)) {
                for (JsonNode part : schema.get(combinator)) {
                    check(path, value, part, problems, depth + 1);
                }
            }
        }
        for (String combinator : List.of("oneOf", "anyOf")) {
            if (schema.has(combinator)) {
                boolean any = false;
                for (JsonNode part : schema.get(combinator)) {
                    any |= problems(value, part).isEmpty();
                }
                if (!any) {
                    problems.add(path + ": matches none of the " + combinator + " schemas");
                }
            }
        }
        List<String> types = types(schema);
        if (!types.isEmpty() && types.stream().noneMatch(t -> fits(value, t))) {
            problems.add(path + ": " + value.getNodeType() + " where the schema says " + types);
            return;
        }
        if (schema.has("enum") && value.isString()) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.asString().equals(value.asString());
            }
            if (!listed) {
                problems.add(path + ": '" + value.asString() + "' is not one of " + schema.get("enum"));
            }
        }
        if (value.isObject()) {
            if (schema.has("required")) {
                for (JsonNode name : schema.get("required")) {
                    if (!value.has(name.asString())) {
                        problems.add(path + "." + name.asString() + ": required but missing");
                    } else if (value.get(name.asString()).isNull()
                            && !allowsNull(resolve(schema.path("properties").path(name.asString())))) {
                        problems.add(path + "." + name.asString() + ": required but null");
                    }
                }
            }
            JsonNode properties = schema.path("properties");
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                if (properties.has(field.getKey())) {
                    check(path + "." + field.getKey(), field.getValue(), properties.get(field.getKey()), problems,
                            depth + 1);
                } else if (schema.has("additionalProperties") && schema.get("additionalProperties").isObject()) {
                    check(path + "." + field.getKey(), field.getValue(), schema.get("additionalProperties"),
                            problems, depth + 1);
                } else if (properties.size() > 0 && !schema.has("additionalProperties")) {
                    problems.add(path + "." + field.getKey() + ": not documented");
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(path + "[" + i + "]", value.get(i), schema.get("items"), problems, depth + 1);
            }
        }
    }

    /** The schema a {@code $ref} points to (local references only, as springdoc writes them). */
    JsonNode resolve(JsonNode schema) {
        int hops = 0;
        while (schema.has("$ref") && hops++ < 20) {
            String ref = schema.get("$ref").asString();
            if (!ref.startsWith("#/")) {
                throw new AssertionError("non-local $ref " + ref);
            }
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            if (target.isMissingNode()) {
                throw new AssertionError("dangling $ref " + ref);
            }
            schema = target;
        }
        return schema;
    }

    private static List<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isString()) {
            return List.of(type.asString());
        }
        List<String> types = new ArrayList<>();
        type.forEach(t -> types.add(t.asString()));
        return types;
    }

    /** OpenAPI 3.0 writes {@code nullable: true}, 3.1 a "null" type. */
    private static boolean allowsNull(JsonNode schema) {
        return types(schema).contains("null") || schema.path("nullable").asBoolean(false);
    }

    private static boolean fits(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> true;
        };
    }
}
