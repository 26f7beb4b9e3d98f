package io.agentobs.claudecode.session;

import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One line of a session transcript as the CLI writes it to its JSONL file and mirrors it: a
 * JSON object with a {@code type} and, for most entries, a stable {@code uuid} (the
 * idempotency key of a store). Stores treat the JSON as an opaque blob.
 *
 * @param type the entry's {@code type} ({@code user}, {@code assistant}, {@code attachment},
 * {@code cost-state}, ...)
 * @param uuid the entry's {@code uuid}, or {@code null} for entries without one (titles, tags)
 * @param json the entry, one JSON object
 */
public record SessionEntry(String type, String uuid, String json) {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	public SessionEntry {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(json, "json");
	}

	/**
	 * The entry of a JSON object.
	 * @param entry the transcript line, parsed
	 * @return the entry
	 * @throws IllegalArgumentException when it is not an object with a string {@code type}
	 */
	public static SessionEntry of(JsonNode entry) {
		if (entry == null || !entry.isObject() || !entry.path("type").isTextual()) {
			throw new IllegalArgumentException("A transcript entry is a JSON object with a string 'type'");
		}
		JsonNode uuid = entry.path("uuid");
		try {
			return new SessionEntry(entry.get("type").asText(), uuid.isTextual() ? uuid.asText() : null,
					MAPPER.writeValueAsString(entry));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("A transcript entry could not be written as JSON", ex);
		}
	}

	/**
	 * The entry of a transcript line.
	 * @param json one JSON object
	 * @return the entry
	 * @throws IllegalArgumentException when it is not an object with a string {@code type}
	 */
	public static SessionEntry parse(String json) {
		try {
			return of(MAPPER.readTree(json));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("A transcript entry is not JSON", ex);
		}
	}

	/**
	 * The entry as a JSON tree.
	 * @return the parsed entry
	 */
	public JsonNode toJson() {
		try {
			return MAPPER.readTree(this.json);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored transcript entry is not JSON", ex);
		}
	}

}
