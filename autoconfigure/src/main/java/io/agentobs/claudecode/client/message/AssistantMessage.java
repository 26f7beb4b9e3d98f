package io.agentobs.claudecode.client.message;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An {@code assistant} line. The CLI writes one line per content block, so several lines
 * share a {@link #messageId()}; their {@link #usage()} is the {@code message_start}
 * snapshot (output tokens 1, no stop reason).
 *
 * @param messageId the Anthropic message id
 * @param model the model that answered, {@code <synthetic>} for CLI-made messages
 * @param content the content blocks of this line
 * @param usage the usage snapshot, may be {@code null}
 * @param stopReason the stop reason, usually {@code null} on streamed lines
 * @param parentToolUseId the {@code Agent} tool use this message belongs to, inside a subagent
 * @param agentId the subagent id, inside a subagent
 * @param apiErrorMessage whether the CLI made this message to report an API error
 * @param apiErrorStatus the HTTP status of that API error
 * @param error the CLI's error code, e.g. {@code authentication_failed}
 * @param sessionId the session id
 * @param raw the line
 */
public record AssistantMessage(String messageId, String model, List<ContentBlock> content, Usage usage,
		String stopReason, String parentToolUseId, String agentId, boolean apiErrorMessage, Integer apiErrorStatus,
		String error, String sessionId, JsonNode raw) implements ClaudeMessage {

	/** The model name the CLI gives messages it made itself. */
	public static final String SYNTHETIC_MODEL = "<synthetic>";

	@Override
	public String type() {
		return "assistant";
	}

	/**
	 * Whether the CLI made this message itself (no model call happened).
	 * @return {@code true} for synthetic and API-error messages
	 */
	public boolean isSynthetic() {
		return this.apiErrorMessage || SYNTHETIC_MODEL.equals(this.model);
	}

	/**
	 * The tool calls of this line.
	 * @return the tool use blocks
	 */
	public List<ContentBlock.ToolUse> toolUses() {
		return this.content.stream()
			.filter(ContentBlock.ToolUse.class::isInstance)
			.map(ContentBlock.ToolUse.class::cast)
			.toList();
	}

}
