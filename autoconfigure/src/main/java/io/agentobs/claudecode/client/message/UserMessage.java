package io.agentobs.claudecode.client.message;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code user} line: tool results going back to the model, or a subagent's prompt.
 *
 * @param content the content blocks
 * @param parentToolUseId the {@code Agent} tool use this message belongs to, inside a subagent
 * @param agentId the subagent id, inside a subagent
 * @param toolUseResult the CLI's structured tool result ({@code tool_use_result}), may be {@code null}
 * @param sessionId the session id
 * @param raw the line
 */
public record UserMessage(List<ContentBlock> content, String parentToolUseId, String agentId, JsonNode toolUseResult,
		String sessionId, JsonNode raw) implements ClaudeMessage {

	@Override
	public String type() {
		return "user";
	}

	/**
	 * The tool results of this line.
	 * @return the tool result blocks
	 */
	public List<ContentBlock.ToolResult> toolResults() {
		return this.content.stream()
			.filter(ContentBlock.ToolResult.class::isInstance)
			.map(ContentBlock.ToolResult.class::cast)
			.toList();
	}

}
