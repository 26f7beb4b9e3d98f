package io.agentobs.claudecode.instrument.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The text of a {@code tool_result} content: a string, or the text blocks of an array joined
 * by new lines; anything else as JSON.
 */
final class ToolResultText {

	private ToolResultText() {
	}

	static String of(JsonNode content) {
		if (content == null || content.isNull()) {
			return null;
		}
		if (content.isTextual()) {
			return content.asText();
		}
		if (content.isArray()) {
			StringBuilder text = new StringBuilder();
			for (JsonNode block : content) {
				JsonNode value = block.get("text");
				if (!"text".equals(block.path("type").asText()) || value == null) {
					return content.toString();
				}
				if (!text.isEmpty()) {
					text.append('\n');
				}
				text.append(value.asText());
			}
			return text.toString();
		}
		return content.toString();
	}

}
