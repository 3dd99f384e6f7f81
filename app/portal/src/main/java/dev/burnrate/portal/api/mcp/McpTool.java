package dev.burnrate.portal.api.mcp;

import dev.burnrate.portal.api.ApiScope;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A tool an AI agent can call through the MCP endpoint. Tools call the same services (or REST controllers) as the API,
 * as the token's owner, so roles, team scoping and method security apply unchanged.
 */
public interface McpTool {

    /** The tool's name as agents call it, snake_case, e.g. {@code estimate_job}. */
    String name();

    /** What the tool does and when to use it: agents choose tools by this text. */
    String description();

    /** JSON Schema of the arguments (an object schema). */
    Map<String, Object> inputSchema();

    /** The scope a token needs to see and call the tool. */
    ApiScope scope();

    /** Whether the tool only reads (MCP's readOnlyHint). */
    default boolean readOnly() {
        return true;
    }

    /**
     * Runs the tool. The result is returned to the agent as JSON (structured content and the same as text). Throw
     * {@link McpToolError} (or an {@code ApiProblem}) for an error the agent should see and can correct.
     */
    Object call(JsonNode arguments);
}
