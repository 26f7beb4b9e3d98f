package io.agentobs.claudecode.observation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.common.docs.KeyName;
import io.micrometer.common.lang.Nullable;

/**
 * Value rules shared by the default conventions.
 */
final class ConventionSupport {

	private static final ObjectMapper OBJECT_MAPPER = new ObjectMapper();

	private ConventionSupport() {
	}

	static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	/**
	 * Return the given value, or {@link KeyValue#NONE_VALUE} when it is missing, so that a
	 * metric always has the same tag keys.
	 */
	static String valueOrNone(@Nullable String value) {
		return hasText(value) ? value : KeyValue.NONE_VALUE;
	}

	/**
	 * Return the explicit error type, else the simple class name of the error, else
	 * {@link KeyValue#NONE_VALUE}.
	 */
	static String errorType(@Nullable String errorType, @Nullable Throwable error) {
		if (hasText(errorType)) {
			return errorType;
		}
		if (error != null) {
			return error.getClass().getSimpleName();
		}
		return KeyValue.NONE_VALUE;
	}

	/**
	 * Add a high cardinality value only when it is present; numbers are written with
	 * {@code toString()}.
	 */
	static KeyValues and(KeyValues keyValues, KeyName keyName, @Nullable Object value) {
		String text = (value != null) ? value.toString() : null;
		return hasText(text) ? keyValues.and(keyName.withValue(text)) : keyValues;
	}

	/**
	 * Write a JSON array of strings, as Jackson writes it. Values without characters that
	 * JSON escapes are written directly, the others by Jackson.
	 */
	static String jsonArray(List<String> values) {
		StringBuilder json = new StringBuilder(16 * values.size() + 2).append('[');
		for (String value : values) {
			if (value == null || needsEscaping(value)) {
				return jacksonArray(values);
			}
			if (json.length() > 1) {
				json.append(',');
			}
			json.append('"').append(value).append('"');
		}
		return json.append(']').toString();
	}

	/**
	 * Write tool names as GenAI tool definitions,
	 * {@code [{"type":"function","name":"Bash"},...]}: the CLI executes every tool it lists.
	 */
	static String toolDefinitions(List<String> toolNames) {
		List<Map<String, String>> definitions = new ArrayList<>(toolNames.size());
		for (String name : toolNames) {
			Map<String, String> definition = new LinkedHashMap<>();
			definition.put("type", "function");
			definition.put("name", name);
			definitions.add(definition);
		}
		try {
			return OBJECT_MAPPER.writeValueAsString(definitions);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write tool definitions as JSON", ex);
		}
	}

	private static boolean needsEscaping(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c == '"' || c == '\\') {
				return true;
			}
		}
		return false;
	}

	private static String jacksonArray(List<String> values) {
		try {
			return OBJECT_MAPPER.writeValueAsString(values);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write a list of strings as JSON", ex);
		}
	}

}
