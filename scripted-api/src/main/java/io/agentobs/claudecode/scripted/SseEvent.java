package io.agentobs.claudecode.scripted;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One server-sent event of a Messages API stream.
 *
 * @param name the event name, equal to the {@code type} of its data
 * @param data the JSON data
 */
record SseEvent(String name, JsonNode data) {

	/**
	 * Writes the event as {@code event: NAME\ndata: JSON\n\n} and flushes it.
	 * @param out the response body
	 * @throws IOException if the client has gone
	 */
	void writeTo(OutputStream out) throws IOException {
		out.write(("event: " + this.name + "\ndata: " + this.data + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

}
