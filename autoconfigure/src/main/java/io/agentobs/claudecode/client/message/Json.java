package io.agentobs.claudecode.client.message;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON of the CLI's stream-json protocol: the one {@link ObjectMapper} that reads and
 * writes its lines and the JSON of the messages, configured here once, and null-tolerant
 * field access on its nodes (a missing or {@code null} field reads as {@code null}, never as
 * {@code 0} or {@code ""}).
 */
public final class Json {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	/**
	 * The shared mapper of the stream-json protocol. Shared by the parser, the message
	 * adapters and the lines written to the CLI: use it as it is, never reconfigure it.
	 * @return the mapper
	 */
	public static ObjectMapper mapper() {
		return MAPPER;
	}

	/**
	 * A reader of the shared mapper that refuses input over the given constraints.
	 * @param constraints the largest strings, names, documents and nesting read
	 * @return the reader
	 */
	static ObjectReader reader(StreamReadConstraints constraints) {
		return MAPPER.reader().with(JsonFactory.builder().streamReadConstraints(constraints).build());
	}

	/**
	 * A field of a node.
	 * @param node the node, may be {@code null}
	 * @param name the field's name
	 * @return the value, {@code null} when the field is missing or {@code null}
	 */
	public static JsonNode field(JsonNode node, String name) {
		if (node == null) {
			return null;
		}
		JsonNode value = node.get(name);
		return (value == null || value.isNull() || value.isMissingNode()) ? null : value;
	}

	/**
	 * A scalar field of a node as text.
	 * @param node the node, may be {@code null}
	 * @param name the field's name
	 * @return the text, {@code null} when the field is missing, {@code null} or not a scalar
	 */
	public static String text(JsonNode node, String name) {
		JsonNode value = field(node, name);
		return (value != null && value.isValueNode()) ? value.asText() : null;
	}

	/**
	 * The first numeric field of a node among some names.
	 * @param node the node, may be {@code null}
	 * @param names the fields' names, in order of preference
	 * @return the number, {@code null} when none of the fields is a number
	 */
	public static Long longOrNull(JsonNode node, String... names) {
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
