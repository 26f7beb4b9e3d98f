package io.agentobs.claudecode.client.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A line of a type this client does not know, or a line that is not valid JSON (then
 * {@link #raw()} is a text node holding the line).
 *
 * @param type the {@code type} field, or {@code null}
 * @param sessionId the session id, or {@code null}
 * @param raw the line
 */
public record UnknownMessage(String type, String sessionId, JsonNode raw) implements ClaudeMessage {

	/**
	 * Whether the line could not be parsed as a JSON object.
	 * @return {@code true} for a malformed line
	 */
	public boolean isMalformed() {
		return !this.raw.isObject();
	}

}
