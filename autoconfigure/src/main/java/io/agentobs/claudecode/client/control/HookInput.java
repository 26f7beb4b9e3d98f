package io.agentobs.claudecode.client.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.message.Json;

/**
 * What the CLI tells a {@link ClaudeHook}: the fields common to the hook events, typed, and
 * the whole input for the rest.
 *
 * @param event the event
 * @param sessionId the CLI session
 * @param toolName the tool of a tool event, else {@code null}
 * @param toolInput the tool's input of a tool event, else {@code null}
 * @param toolUseId the model's tool-use id of a tool event, else {@code null}
 * @param toolResponse the tool's output ({@code PostToolUse}), else {@code null}
 * @param error the tool's error ({@code PostToolUseFailure}), else {@code null}
 * @param durationMillis the tool's own run time ({@code PostToolUse},
 * {@code PostToolUseFailure}), else {@code null}
 * @param prompt the prompt ({@code UserPromptSubmit}), else {@code null}
 * @param agentId the subagent ({@code SubagentStart}, {@code SubagentStop}), else
 * {@code null}
 * @param raw the whole input as the CLI sent it
 */
public record HookInput(HookEvent event, String sessionId, String toolName, JsonNode toolInput, String toolUseId,
		JsonNode toolResponse, String error, Long durationMillis, String prompt, String agentId, JsonNode raw) {

	/**
	 * Reads a hook input.
	 * @param event the event the hook was registered for
	 * @param input the {@code input} of a {@code hook_callback} request
	 * @param toolUseId the request's {@code tool_use_id}, may be {@code null}
	 * @return the input
	 */
	public static HookInput of(HookEvent event, JsonNode input, String toolUseId) {
		String inputToolUseId = Json.text(input, "tool_use_id");
		return new HookInput(event, Json.text(input, "session_id"), Json.text(input, "tool_name"),
				Json.field(input, "tool_input"), (inputToolUseId != null) ? inputToolUseId : toolUseId,
				Json.field(input, "tool_response"), Json.text(input, "error"), Json.longOrNull(input, "duration_ms"),
				Json.text(input, "prompt"), Json.text(input, "agent_id"), input);
	}

}
