package io.agentobs.claudecode.instrument.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The text of a {@code tool_result} content: a string, or the blocks of an array joined by
 * new lines, text blocks as their text, image and document blocks as a placeholder
 * ({@code [image: image/png, 1234 bytes base64]}, never their data); anything else as JSON.
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
				String blockText = blockText(block);
				if (blockText == null) {
					return withPlaceholders(content).toString();
				}
				if (!text.isEmpty()) {
					text.append('\n');
				}
				text.append(blockText);
			}
			return text.toString();
		}
		return content.toString();
	}

	private static String blockText(JsonNode block) {
		String type = block.path("type").asText();
		if ("text".equals(type)) {
			JsonNode value = block.get("text");
			return (value != null) ? value.asText() : null;
		}
		if (isMedia(type)) {
			return placeholder(type, block.path("source"));
		}
		return null;
	}

	/**
	 * The content as JSON with each image or document block's data replaced by a placeholder.
	 */
	private static JsonNode withPlaceholders(JsonNode content) {
		JsonNode copy = content.deepCopy();
		for (JsonNode block : copy) {
			String type = block.path("type").asText();
			if (isMedia(type) && block.get("source") != null
					&& block instanceof ObjectNode object) {
				object.put("source", placeholder(type, block.get("source")));
			}
		}
		return copy;
	}

	private static boolean isMedia(String type) {
		return "image".equals(type) || "document".equals(type);
	}

	/**
	 * {@code [image: image/png, 1234 bytes base64]}, {@code [document: application/pdf]},
	 * {@code [image: https://...]}: what the block holds, without its data.
	 */
	private static String placeholder(String type, JsonNode source) {
		StringBuilder placeholder = new StringBuilder("[").append(type);
		String mediaType = source.path("media_type").asText(null);
		String url = source.path("url").asText(null);
		JsonNode data = source.get("data");
		if (mediaType != null) {
			placeholder.append(": ").append(mediaType);
		}
		if (url != null) {
			placeholder.append((mediaType != null) ? ", " : ": ").append(url);
		}
		if (data != null && data.isTextual()) {
			placeholder.append((mediaType != null || url != null) ? ", " : ": ")
				.append(data.asText().length())
				.append(" bytes ")
				.append(source.path("type").asText("base64"));
		}
		return placeholder.append(']').toString();
	}

}
