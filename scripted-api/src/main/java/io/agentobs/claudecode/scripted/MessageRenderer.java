package io.agentobs.claudecode.scripted;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentobs.claudecode.scripted.ScriptedReply.Block;
import io.agentobs.claudecode.scripted.ScriptedReply.Message;
import io.agentobs.claudecode.scripted.ScriptedReply.Text;
import io.agentobs.claudecode.scripted.ScriptedReply.ToolUse;

/**
 * Renders a scripted {@link Message} as the Messages API does: as the SSE events of a stream or
 * as one JSON message.
 */
final class MessageRenderer {

	private final ObjectMapper objectMapper;

	MessageRenderer(ObjectMapper objectMapper) {
		this.objectMapper = objectMapper;
	}

	/**
	 * The SSE events of a streamed message: {@code message_start}, per block
	 * {@code content_block_start}, deltas and {@code content_block_stop}, then
	 * {@code message_delta} and {@code message_stop}.
	 * @param message the message
	 * @param id the message id
	 * @param toolUseIds the ids of the message's tool_use blocks, in order
	 * @param model the model to report
	 * @param usage the usage to report
	 * @return the events in order
	 */
	List<SseEvent> events(Message message, String id, List<String> toolUseIds, String model, Usage usage) {
		List<SseEvent> events = new ArrayList<>();
		ObjectNode start = this.objectMapper.createObjectNode();
		ObjectNode startMessage = envelope(id, model);
		startMessage.putArray("content");
		startMessage.putNull("stop_reason");
		startMessage.putNull("stop_sequence");
		startMessage.set("usage", usage(usage, 1));
		start.set("message", startMessage);
		events.add(event("message_start", start));
		int toolIndex = 0;
		for (int index = 0; index < message.blocks().size(); index++) {
			Block block = message.blocks().get(index);
			ObjectNode blockStart = this.objectMapper.createObjectNode().put("index", index);
			if (block instanceof Text text) {
				blockStart.putObject("content_block").put("type", "text").put("text", "");
				events.add(event("content_block_start", blockStart));
				events.add(delta(index, "text_delta", "text", text.text()));
			}
			else if (block instanceof ToolUse toolUse) {
				blockStart.putObject("content_block")
					.put("type", "tool_use")
					.put("id", toolUseIds.get(toolIndex++))
					.put("name", toolUse.name())
					.putObject("input");
				events.add(event("content_block_start", blockStart));
				String json = this.objectMapper.valueToTree(toolUse.input()).toString();
				int half = json.length() / 2;
				events.add(delta(index, "input_json_delta", "partial_json", json.substring(0, half)));
				events.add(delta(index, "input_json_delta", "partial_json", json.substring(half)));
			}
			events.add(event("content_block_stop", this.objectMapper.createObjectNode().put("index", index)));
		}
		ObjectNode messageDelta = this.objectMapper.createObjectNode();
		messageDelta.putObject("delta").put("stop_reason", message.stopReason()).putNull("stop_sequence");
		messageDelta.putObject("usage").put("output_tokens", usage.outputTokens());
		events.add(event("message_delta", messageDelta));
		events.add(event("message_stop", this.objectMapper.createObjectNode()));
		return events;
	}

	/**
	 * The message as one JSON object, for a request without {@code stream: true}.
	 * @param message the message
	 * @param id the message id
	 * @param toolUseIds the ids of the message's tool_use blocks, in order
	 * @param model the model to report
	 * @param usage the usage to report
	 * @return the message
	 */
	ObjectNode json(Message message, String id, List<String> toolUseIds, String model, Usage usage) {
		ObjectNode json = envelope(id, model);
		int toolIndex = 0;
		for (Block block : message.blocks()) {
			if (block instanceof Text text) {
				json.withArray("content").addObject().put("type", "text").put("text", text.text());
			}
			else if (block instanceof ToolUse toolUse) {
				json.withArray("content")
					.addObject()
					.put("type", "tool_use")
					.put("id", toolUseIds.get(toolIndex++))
					.put("name", toolUse.name())
					.set("input", this.objectMapper.valueToTree(toolUse.input()));
			}
		}
		json.put("stop_reason", message.stopReason());
		json.putNull("stop_sequence");
		json.set("usage", usage(usage, usage.outputTokens()));
		return json;
	}

	/**
	 * The SSE {@code error} event that cuts a stream, as the Messages API sends it.
	 * @param type the error type, e.g. {@code overloaded_error}
	 * @param message the error message
	 * @return the event
	 */
	SseEvent streamError(String type, String message) {
		ObjectNode data = this.objectMapper.createObjectNode();
		data.putObject("error").put("type", type).put("message", message);
		return event("error", data);
	}

	private ObjectNode envelope(String id, String model) {
		return this.objectMapper.createObjectNode()
			.put("id", id)
			.put("type", "message")
			.put("role", "assistant")
			.put("model", model);
	}

	private ObjectNode usage(Usage usage, int outputTokens) {
		return this.objectMapper.createObjectNode()
			.put("input_tokens", usage.inputTokens())
			.put("output_tokens", outputTokens)
			.put("cache_creation_input_tokens", usage.cacheCreationInputTokens())
			.put("cache_read_input_tokens", usage.cacheReadInputTokens());
	}

	private SseEvent delta(int index, String type, String field, String value) {
		ObjectNode delta = this.objectMapper.createObjectNode().put("index", index);
		delta.putObject("delta").put("type", type).put(field, value);
		return event("content_block_delta", delta);
	}

	private SseEvent event(String name, ObjectNode data) {
		ObjectNode typed = this.objectMapper.createObjectNode().put("type", name);
		typed.setAll(data);
		return new SseEvent(name, typed);
	}

}
