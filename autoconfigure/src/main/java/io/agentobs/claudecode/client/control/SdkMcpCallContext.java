package io.agentobs.claudecode.client.control;

/**
 * What the client knows of one {@code mcp_message} request when it hands it to an
 * {@link SdkMcpServer}.
 *
 * @param sessionId the CLI session the request belongs to, {@code null} before the CLI
 * reported it
 * @param toolUseId the model's tool-use id of a {@code tools/call} (from the message's
 * {@code _meta}), {@code null} for other messages
 */
public record SdkMcpCallContext(String sessionId, String toolUseId) {

}
