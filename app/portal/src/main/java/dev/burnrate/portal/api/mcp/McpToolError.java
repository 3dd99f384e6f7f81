package dev.burnrate.portal.api.mcp;

/** A tool failure the calling agent should read (bad arguments, not allowed): MCP's {@code isError} result. */
public class McpToolError extends RuntimeException {

    public McpToolError(String message) {
        super(message);
    }
}
