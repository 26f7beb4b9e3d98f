package io.agentobs.claudecode.content;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Writes content as JSON text of at most a given number of characters that is always valid
 * JSON. When the content is too long, its longest strings are shortened to a common length
 * and marked with {@value #MARKER}, then the content is written again; JSON text is never
 * cut. Content whose structure alone is too long is written as a shortened JSON string.
 */
final class JsonContentTruncator {

	/**
	 * Appended to every shortened string.
	 */
	static final String MARKER = "...[truncated]";

	/**
	 * The smallest supported limit: a JSON string holding only the marker.
	 */
	static final int MIN_MAX_LENGTH = MARKER.length() + 2;

	private static final ObjectMapper OBJECT_MAPPER = new ObjectMapper();

	private final int maxLength;

	JsonContentTruncator(int maxLength) {
		if (maxLength < MIN_MAX_LENGTH) {
			throw new IllegalArgumentException(
					"maxLength must be at least " + MIN_MAX_LENGTH + " characters but was " + maxLength);
		}
		this.maxLength = maxLength;
	}

	int getMaxLength() {
		return this.maxLength;
	}

	/**
	 * Write the content as JSON of at most {@code maxLength} characters.
	 * @param content the content
	 * @return valid JSON text
	 */
	String write(JsonNode content) {
		return write(content, this.maxLength);
	}

	/**
	 * Write the content as JSON of at most the given number of characters (and at most
	 * {@code maxLength}).
	 * @param content the content
	 * @param limit the maximum length of this value, at least {@link #MIN_MAX_LENGTH}
	 * @return valid JSON text
	 */
	String write(JsonNode content, int limit) {
		int maxLength = Math.max(MIN_MAX_LENGTH, Math.min(limit, this.maxLength));
		String json = toJson(content);
		if (json.length() <= maxLength) {
			return json;
		}
		// Largest common string length that fits; the written length grows with it
		String best = null;
		int low = 0;
		int high = maxLength;
		while (low <= high) {
			int cap = (low + high) >>> 1;
			String candidate = toJson(shorten(content, cap));
			if (candidate.length() <= maxLength) {
				best = candidate;
				low = cap + 1;
			}
			else {
				high = cap - 1;
			}
		}
		return (best != null) ? best : shortenedString(json, maxLength);
	}

	private JsonNode shorten(JsonNode node, int cap) {
		if (node.isTextual()) {
			String text = node.textValue();
			return (text.length() > cap + MARKER.length()) ? TextNode.valueOf(cut(text, cap) + MARKER) : node;
		}
		if (node.isObject()) {
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				copy.set(field.getKey(), shorten(field.getValue(), cap));
			}
			return copy;
		}
		if (node.isArray()) {
			ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
			node.forEach((element) -> copy.add(shorten(element, cap)));
			return copy;
		}
		return node;
	}

	private String shortenedString(String text, int maxLength) {
		int keep = Math.min(text.length(), maxLength - MIN_MAX_LENGTH);
		while (true) {
			String candidate = toJson(TextNode.valueOf(cut(text, keep) + MARKER));
			if (candidate.length() <= maxLength || keep == 0) {
				return candidate;
			}
			// Each character removed shortens the JSON by at least one character
			keep = Math.max(0, keep - (candidate.length() - maxLength));
		}
	}

	private static String cut(String text, int length) {
		int end = (length > 0 && Character.isHighSurrogate(text.charAt(length - 1))) ? length - 1 : length;
		return text.substring(0, end);
	}

	private static String toJson(JsonNode node) {
		try {
			return OBJECT_MAPPER.writeValueAsString(node);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write content as JSON", ex);
		}
	}

}
