package io.agentobs.claudecode.scripted;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Messages API request tells about its conversation: the scenario marker in its prompts,
 * whether it is a subagent's conversation, and how many assistant turns followed the last prompt.
 *
 * @param model the requested model
 * @param stream whether an SSE stream was requested
 * @param hasTools whether the request offers tools (the agent loop does; side requests do not)
 * @param marker the scenario named in the latest prompt that names one
 * @param subagent whether the conversation starts with {@link #SUBAGENT_MARKER}
 * @param step the number of assistant messages after the last prompt
 */
record ConversationState(String model, boolean stream, boolean hasTools, Optional<Scenario> marker,
		boolean subagent, int step) {

	/** Starts the prompt the scripted {@code Agent} tool call gives its subagent. */
	static final String SUBAGENT_MARKER = "SUBAGENT-TASK:";

	private static final String TASK_NOTIFICATION = "<task-notification>";

	/**
	 * Inspects a request body.
	 * @param request the JSON body of a {@code /v1/messages} request
	 * @return the state of its conversation
	 */
	static ConversationState of(JsonNode request) {
		List<String> prompts = new ArrayList<>();
		int step = 0;
		for (JsonNode message : request.path("messages")) {
			String role = message.path("role").asText();
			if ("user".equals(role) && isPrompt(message.path("content"))) {
				prompts.add(text(message.path("content")));
				step = 0;
			}
			else if ("assistant".equals(role)) {
				step++;
			}
		}
		Optional<Scenario> marker = Optional.empty();
		for (int i = prompts.size() - 1; i >= 0 && marker.isEmpty(); i--) {
			marker = Scenario.fromMarker(prompts.get(i));
		}
		boolean subagent = !prompts.isEmpty() && prompts.get(0).contains(SUBAGENT_MARKER);
		JsonNode tools = request.path("tools");
		return new ConversationState(request.path("model").asText("claude-sonnet-4-5"),
				request.path("stream").asBoolean(false), tools.isArray() && !tools.isEmpty(), marker, subagent,
				step);
	}

	/**
	 * A user message is a prompt unless it carries tool results or the CLI's notice that a
	 * background task finished ({@code <task-notification>}).
	 */
	private static boolean isPrompt(JsonNode content) {
		if (content.isTextual()) {
			return !content.asText().contains(TASK_NOTIFICATION);
		}
		if (text(content).contains(TASK_NOTIFICATION)) {
			return false;
		}
		for (JsonNode block : content) {
			if ("tool_result".equals(block.path("type").asText())) {
				return false;
			}
		}
		return true;
	}

	private static String text(JsonNode content) {
		if (content.isTextual()) {
			return content.asText();
		}
		StringBuilder text = new StringBuilder();
		for (JsonNode block : content) {
			if ("text".equals(block.path("type").asText())) {
				text.append(block.path("text").asText()).append('\n');
			}
		}
		return text.toString();
	}

}
