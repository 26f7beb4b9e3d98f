package io.agentobs.claudecode.client.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code tool_progress} line: a tool call still running, with the time it has taken so far.
 *
 * @param toolUseId the id of the running tool call
 * @param toolName the tool name
 * @param parentToolUseId the {@code Agent} tool use of the subagent that called the tool,
 * {@code null} for the top-level agent
 * @param elapsedTimeSeconds seconds since the tool started, may be {@code null}
 * @param taskId the task the tool runs in, may be {@code null}
 * @param sessionId the session id
 * @param raw the line
 */
public record ToolProgressMessage(String toolUseId, String toolName, String parentToolUseId,
		Double elapsedTimeSeconds, String taskId, String sessionId, JsonNode raw) implements ClaudeMessage {

	@Override
	public String type() {
		return "tool_progress";
	}

}
