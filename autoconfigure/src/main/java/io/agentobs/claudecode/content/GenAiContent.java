package io.agentobs.claudecode.content;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.agentobs.claudecode.observation.ChatOutputPart;

/**
 * Builds content in the shapes of the GenAI semantic conventions: input and output
 * messages, system instructions, tool call arguments and results.
 */
final class GenAiContent {

	private static final ObjectMapper OBJECT_MAPPER = new ObjectMapper()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private GenAiContent() {
	}

	/**
	 * {@code [{"role":"user","parts":[{"type":"text","content":prompt}]}]}.
	 */
	static JsonNode inputMessages(String prompt) {
		return messages("user", NODES.arrayNode().add(textPart(prompt)));
	}

	/**
	 * {@code [{"type":"text","content":instructions}]}.
	 */
	static JsonNode systemInstructions(String instructions) {
		return NODES.arrayNode().add(textPart(instructions));
	}

	/**
	 * {@code [{"role":"assistant","parts":[{"type":"text","content":text}]}]}.
	 */
	static JsonNode outputMessages(String text) {
		return messages("assistant", NODES.arrayNode().add(textPart(text)));
	}

	/**
	 * {@code [{"role":"assistant","parts":[...]}]} with text and tool call parts in order.
	 */
	static JsonNode outputMessages(List<ChatOutputPart> outputParts) {
		ArrayNode parts = NODES.arrayNode();
		for (ChatOutputPart outputPart : outputParts) {
			if (outputPart instanceof ChatOutputPart.Text text) {
				parts.add(textPart(text.content()));
			}
			else if (outputPart instanceof ChatOutputPart.ToolCall toolCall) {
				parts.add(NODES.objectNode()
					.put("type", "tool_call")
					.put("id", toolCall.id())
					.put("name", toolCall.name())
					.set("arguments", toolCallArguments(toolCall.arguments())));
			}
		}
		return messages("assistant", parts);
	}

	/**
	 * The arguments as JSON, or as a JSON string when they are not valid JSON.
	 */
	static JsonNode toolCallArguments(String arguments) {
		if (arguments == null) {
			return NODES.nullNode();
		}
		try {
			JsonNode node = OBJECT_MAPPER.readTree(arguments);
			return (node != null && !node.isMissingNode()) ? node : TextNode.valueOf(arguments);
		}
		catch (JsonProcessingException ex) {
			return TextNode.valueOf(arguments);
		}
	}

	/**
	 * The tool result text as a JSON string.
	 */
	static JsonNode toolCallResult(String result) {
		return TextNode.valueOf(result);
	}

	private static ArrayNode messages(String role, ArrayNode parts) {
		ObjectNode message = NODES.objectNode().put("role", role);
		message.set("parts", parts);
		return NODES.arrayNode().add(message);
	}

	private static ObjectNode textPart(String content) {
		return NODES.objectNode().put("type", "text").put("content", content);
	}

}
