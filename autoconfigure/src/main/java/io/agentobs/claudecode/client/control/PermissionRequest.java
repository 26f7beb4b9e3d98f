package io.agentobs.claudecode.client.control;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code can_use_tool} request: the CLI asks whether a tool call may run.
 *
 * @param toolName the tool, e.g. {@code Bash} or {@code mcp__app__lookup}
 * @param input the tool's input as the model wrote it
 * @param toolUseId the model's tool-use id, may be {@code null}
 * @param agentId the subagent asking, {@code null} for the main agent
 * @param blockedPath the path outside the allowed directories that made the CLI ask, may be
 * {@code null}
 * @param decisionReason why the CLI asks, may be {@code null}
 * @param suggestions the permission updates the CLI suggests, may be {@code null}
 * @param sessionId the CLI session, {@code null} before the CLI reported it
 */
public record PermissionRequest(String toolName, JsonNode input, String toolUseId, String agentId,
		String blockedPath, String decisionReason, JsonNode suggestions, String sessionId) {

}
