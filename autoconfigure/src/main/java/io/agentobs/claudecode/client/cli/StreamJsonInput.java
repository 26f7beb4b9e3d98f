package io.agentobs.claudecode.client.cli;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentobs.claudecode.client.message.ControlMessage;
import io.agentobs.claudecode.client.message.Json;

/**
 * The lines this client writes to the CLI's stdin in {@code --input-format stream-json}
 * mode: user messages, control requests, and answers to the CLI's control requests.
 */
final class StreamJsonInput {

	private static final ObjectMapper objectMapper = Json.mapper();

	private final String requestIdPrefix = "req_" + UUID.randomUUID().toString().substring(0, 8) + "_";

	private final AtomicLong requestCounter = new AtomicLong();

	String userMessage(String prompt, String sessionId) {
		ObjectNode line = objectMapper.createObjectNode();
		line.put("type", "user");
		ObjectNode message = line.putObject("message");
		message.put("role", "user");
		message.put("content", prompt);
		line.putNull("parent_tool_use_id");
		line.put("session_id", (sessionId != null) ? sessionId : "");
		return write(line);
	}

	/**
	 * A new id for a request of this client.
	 * @return the id, unique for the process
	 */
	String nextRequestId() {
		return this.requestIdPrefix + this.requestCounter.incrementAndGet();
	}

	/**
	 * A request of this client.
	 * @param requestId the request's id
	 * @param request the request body, with its {@code subtype}
	 * @return the line
	 */
	String controlRequest(String requestId, ObjectNode request) {
		ObjectNode line = objectMapper.createObjectNode();
		line.put("type", ControlMessage.REQUEST);
		line.put("request_id", requestId);
		line.set("request", request);
		return write(line);
	}

	/**
	 * A successful answer to a request of the CLI.
	 * @param requestId the id of the request answered
	 * @param response the answer's body
	 * @return the line
	 */
	String controlSuccess(String requestId, JsonNode response) {
		ObjectNode line = controlResponse(requestId, "success");
		((ObjectNode) line.get("response")).set("response", response);
		return write(line);
	}

	/**
	 * An error answer to a request of the CLI.
	 * @param requestId the id of the request answered
	 * @param error what went wrong
	 * @return the line
	 */
	String controlError(String requestId, String error) {
		ObjectNode line = controlResponse(requestId, "error");
		((ObjectNode) line.get("response")).put("error", error);
		return write(line);
	}

	private static ObjectNode controlResponse(String requestId, String subtype) {
		ObjectNode line = objectMapper.createObjectNode();
		line.put("type", ControlMessage.RESPONSE);
		ObjectNode body = line.putObject("response");
		body.put("subtype", subtype);
		body.put("request_id", requestId);
		return line;
	}

	private String write(ObjectNode line) {
		try {
			return objectMapper.writeValueAsString(line);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
