package io.agentobs.claudecode.client.message;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Null-tolerant field access on Jackson nodes: a missing or {@code null} field reads as
 * {@code null}, never as {@code 0} or {@code ""}.
 */
final class Json {

	private Json() {
	}

	static JsonNode field(JsonNode node, String name) {
		if (node == null) {
			return null;
		}
		JsonNode value = node.get(name);
		return (value == null || value.isNull() || value.isMissingNode()) ? null : value;
	}

	static String text(JsonNode node, String name) {
		JsonNode value = field(node, name);
		return (value != null && value.isValueNode()) ? value.asText() : null;
	}

	static Long longOrNull(JsonNode node, String... names) {
		for (String name : names) {
			JsonNode value = field(node, name);
			if (value != null && value.isNumber()) {
				return value.longValue();
			}
		}
		return null;
	}

	static Integer intOrNull(JsonNode node, String name) {
		JsonNode value = field(node, name);
		return (value != null && value.isNumber()) ? value.intValue() : null;
	}

	static Double doubleOrNull(JsonNode node, String name) {
		JsonNode value = field(node, name);
		return (value != null && value.isNumber()) ? value.doubleValue() : null;
	}

	static boolean bool(JsonNode node, String name) {
		JsonNode value = field(node, name);
		return value != null && value.asBoolean(false);
	}

	static List<String> texts(JsonNode node, String name) {
		JsonNode array = field(node, name);
		List<String> values = new ArrayList<>();
		if (array != null && array.isArray()) {
			array.forEach((element) -> values.add(element.isValueNode() ? element.asText() : element.toString()));
		}
		return List.copyOf(values);
	}

}
