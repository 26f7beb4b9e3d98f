package io.agentobs.claudecode.scripted;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One {@code /v1/messages} call the {@link ScriptedAnthropicApi} answered, as it answered it.
 *
 * @param number the 1-based number of the call on its server
 * @param scenario the scenario that was answered
 * @param subagent whether the call came from a subagent's conversation
 * @param step how many assistant turns preceded the call since the last prompt
 * @param model the requested model
 * @param stream whether the answer was streamed as SSE
 * @param status the HTTP status
 * @param messageId the message id, or {@code null} for an error
 * @param usage the reported usage, or {@code null} for an error
 * @param stopReason {@code end_turn} or {@code tool_use}, or {@code null} for an error
 * @param toolUseIds the ids of the tool_use blocks sent
 * @param offeredTools the names of the tools the request offered, in order
 * @param toolResults the tool results of the request's last message
 * @param request the request's JSON body (system prompt, messages with tool results,
 * tools), or {@code null} when not recorded
 */
public record RecordedCall(int number, Scenario scenario, boolean subagent, int step, String model, boolean stream,
		int status, String messageId, Usage usage, String stopReason, List<String> toolUseIds,
		List<String> offeredTools, List<ToolResult> toolResults, JsonNode request) {

	public RecordedCall {
		toolUseIds = List.copyOf(toolUseIds);
		offeredTools = List.copyOf(offeredTools);
		toolResults = List.copyOf(toolResults);
	}

	/**
	 * A {@code tool_result} block a request sent back to the model.
	 *
	 * @param toolUseId the id of the tool call
	 * @param isError whether the result is an error
	 * @param content the result text
	 */
	public record ToolResult(String toolUseId, boolean isError, String content) {
	}

	/**
	 * A call recorded without its request body.
	 */
	public RecordedCall(int number, Scenario scenario, boolean subagent, int step, String model, boolean stream,
			int status, String messageId, Usage usage, String stopReason, List<String> toolUseIds) {
		this(number, scenario, subagent, step, model, stream, status, messageId, usage, stopReason, toolUseIds, List.of(),
				List.of(), null);
	}

	/**
	 * The text of the request's system prompt, its blocks joined by line breaks.
	 * @return the system prompt, empty when none was sent or the request was not recorded
	 */
	public String systemPrompt() {
		JsonNode system = (this.request != null) ? this.request.path("system") : null;
		if (system == null || system.isMissingNode() || system.isNull()) {
			return "";
		}
		if (system.isTextual()) {
			return system.asText();
		}
		StringBuilder text = new StringBuilder();
		for (JsonNode block : system) {
			if (!text.isEmpty()) {
				text.append('\n');
			}
			text.append(block.path("text").asText());
		}
		return text.toString();
	}

	/**
	 * The {@code tool_result} blocks of the request's messages.
	 * @return the blocks, in order
	 */
	public List<JsonNode> toolResultBlocks() {
		List<JsonNode> results = new ArrayList<>();
		if (this.request != null) {
			for (JsonNode message : this.request.path("messages")) {
				for (JsonNode block : message.path("content")) {
					if ("tool_result".equals(block.path("type").asText())) {
						results.add(block);
					}
				}
			}
		}
		return results;
	}

	/**
	 * Whether the call was answered with an error status.
	 * @return {@code true} for a non-200 status
	 */
	public boolean isError() {
		return this.status != 200;
	}

}
