package dev.burnrate.portal.api.mcp;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Model Context Protocol endpoint (Streamable HTTP transport, JSON responses only): an AI agent posts JSON-RPC
 * messages with an API token and gets one JSON answer per request. No server-sent event stream is offered (GET is
 * 405), which the transport allows for servers that never send requests of their own.
 */
@RestController
@Hidden
class McpController {

    private final McpServer server;
    private final JsonMapper json;

    McpController(McpServer server, JsonMapper json) {
        this.server = server;
        this.json = json;
    }

    @PostMapping(path = "/mcp", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<?> post(@RequestBody(required = false) String body, HttpServletRequest request,
                           @RequestHeader(name = "MCP-Protocol-Version", required = false) String version) {
        if (!sameOrigin(request)) {
            // the transport's guard against DNS rebinding: a browser page of another site must not reach this
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        if (version != null && !McpServer.PROTOCOL_VERSIONS.contains(version)) {
            return ResponseEntity.badRequest().body(JsonRpc.error(null, JsonRpc.INVALID_REQUEST,
                    "Unsupported MCP-Protocol-Version " + version + "; supported: " + McpServer.PROTOCOL_VERSIONS));
        }
        JsonNode message;
        try {
            message = json.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            return ResponseEntity.badRequest().body(JsonRpc.error(null, JsonRpc.PARSE_ERROR, "Not JSON"));
        }
        if (message == null || !message.isObject() || !"2.0".equals(message.path("jsonrpc").asString(""))) {
            return ResponseEntity.badRequest().body(JsonRpc.error(null, JsonRpc.INVALID_REQUEST,
                    "Send one JSON-RPC 2.0 message (an object with \"jsonrpc\": \"2.0\"); batches are not supported"));
        }
        if (!message.has("method")) {
            return ResponseEntity.accepted().build(); // a response from the client: this server sends no requests
        }
        if (!message.has("id")) {
            return ResponseEntity.accepted().build(); // a notification, e.g. notifications/initialized
        }
        Map<String, Object> answer = server.handle(message);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    @GetMapping("/mcp")
    ResponseEntity<Void> noEventStream() {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header("Allow", "POST").build();
    }

    private static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isBlank()) {
            return true; // not a browser: agents and CLIs send no Origin
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return originHost != null && originHost.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
