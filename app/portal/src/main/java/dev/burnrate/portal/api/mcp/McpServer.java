package dev.burnrate.portal.api.mcp;

import dev.burnrate.portal.api.ApiProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP methods over JSON-RPC: {@code initialize}, {@code ping}, {@code tools/list} and {@code tools/call}. Stateless:
 * every request carries its token, so no MCP session is kept. A token sees and calls only the tools its scopes allow.
 */
@Component
class McpServer {

    /** Newest first; an initialize asking for another version gets the newest. */
    static final List<String> PROTOCOL_VERSIONS = List.of("2025-06-18", "2025-03-26", "2024-11-05");

    private static final Logger log = LoggerFactory.getLogger(McpServer.class);

    private final Map<String, McpTool> tools;
    private final JsonMapper json;

    McpServer(List<McpTool> tools, JsonMapper json) {
        this.tools = tools.stream().sorted(Comparator.comparing(McpTool::name))
                .collect(Collectors.toMap(McpTool::name, t -> t, (a, b) -> {
                    throw new IllegalStateException("Two MCP tools named " + a.name());
                }, LinkedHashMap::new));
        this.json = json;
    }

    /** Answers one request (a message with an id); notifications never reach here. */
    Map<String, Object> handle(JsonNode request) {
        JsonNode id = request.get("id");
        try {
            String method = text(request, "method");
            JsonNode params = request.has("params") ? request.get("params") : json.createObjectNode();
            Object result = switch (method) {
                case "initialize" -> initialize(params);
                case "ping" -> Map.of();
                case "tools/list" -> Map.of("tools", visibleTools().stream().map(this::describe).toList());
                case "tools/call" -> call(params);
                default -> throw new JsonRpc.Failure(JsonRpc.METHOD_NOT_FOUND, "Unknown method " + method);
            };
            return JsonRpc.result(id, result);
        } catch (JsonRpc.Failure failure) {
            return JsonRpc.error(id, failure.code, failure.getMessage());
        }
    }

    private Map<String, Object> initialize(JsonNode params) {
        String asked = params.path("protocolVersion").asString("");
        String version = PROTOCOL_VERSIONS.contains(asked) ? asked : PROTOCOL_VERSIONS.getFirst();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("protocolVersion", version);
        result.put("capabilities", Map.of("tools", Map.of("listChanged", false)));
        result.put("serverInfo", Map.of("name", "burnrate", "title", "Burnrate", "version", "1"));
        result.put("instructions", "Burnrate knows what cloud AI/ML capacity costs and whether policy allows it. "
                + "Estimate a job before starting it, check it against policy (ALLOW, NEEDS_APPROVAL or DENY with "
                + "reasons), and read spend, budgets, forecasts and anomalies of the teams the token's user sees. "
                + "Money is always given with its currency; never add amounts of different currencies.");
        return result;
    }

    private Map<String, Object> describe(McpTool tool) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("name", tool.name());
        description.put("description", tool.description());
        description.put("inputSchema", tool.inputSchema());
        description.put("annotations", Map.of("readOnlyHint", tool.readOnly(), "openWorldHint", false));
        return description;
    }

    private Map<String, Object> call(JsonNode params) {
        String name = text(params, "name");
        McpTool tool = tools.get(name);
        if (tool == null) {
            throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "Unknown tool " + name);
        }
        if (!grantedScopes().contains(tool.scope().authority())) {
            return toolError("This token lacks the '" + tool.scope().id() + "' scope that " + name + " needs");
        }
        JsonNode arguments = params.has("arguments") ? params.get("arguments") : json.createObjectNode();
        if (!arguments.isObject()) {
            throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "arguments must be an object");
        }
        try {
            Object value = tool.call(arguments);
            JsonNode structured = json.valueToTree(value);
            if (!structured.isObject()) {
                structured = json.createObjectNode().set("items", structured);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("content", List.of(Map.of("type", "text", "text", json.writeValueAsString(structured))));
            result.put("structuredContent", structured);
            result.put("isError", false);
            return result;
        } catch (McpToolError | IllegalArgumentException | NoSuchElementException | AccessDeniedException e) {
            return toolError(e.getMessage());
        } catch (ApiProblem problem) {
            List<String> fields = problem.errors().stream().map(f -> f.field() + ": " + f.message()).toList();
            return toolError(problem.getMessage() + (fields.isEmpty() ? "" : " (" + String.join("; ", fields) + ")"));
        } catch (JacksonException e) {
            return toolError("Bad arguments at '" + e.getPathReference() + "': " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            log.error("MCP tool {} failed", name, e);
            throw new JsonRpc.Failure(JsonRpc.INTERNAL_ERROR, "The tool failed; the failure is logged");
        }
    }

    private List<McpTool> visibleTools() {
        Set<String> granted = grantedScopes();
        List<McpTool> visible = new ArrayList<>();
        for (McpTool tool : tools.values()) {
            if (granted.contains(tool.scope().authority())) {
                visible.add(tool);
            }
        }
        return visible;
    }

    private static Set<String> grantedScopes() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? Set.of() : auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
    }

    private static Map<String, Object> toolError(String message) {
        return Map.of("content", List.of(Map.of("type", "text", "text", message)), "isError", true);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "'" + field + "' must be a string");
        }
        return value.asString();
    }
}
