package io.agentobs.claudecode.client.cli;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentobs.claudecode.client.message.ControlMessage;
import io.agentobs.claudecode.client.message.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lines this client writes to the CLI's stdin in {@code --input-format stream-json}
 * mode: user messages, control requests, and answers to the CLI's control requests.
 */
final class StreamJsonInput {

	private static final Logger logger = LoggerFactory.getLogger(StreamJsonInput.class);

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

	String controlRequest(String subtype) {
		ObjectNode line = objectMapper.createObjectNode();
		line.put("type", ControlMessage.REQUEST);
		line.put("request_id", this.requestIdPrefix + this.requestCounter.incrementAndGet());
		line.putObject("request").put("subtype", subtype);
		return write(line);
	}

	/**
	 * Handles a control line from the CLI.
	 * @param message a control message
	 * @return the line to answer with, or {@code null} when none is due
	 */
	String answer(ControlMessage message) {
		if (message.isRequest()) {
			logger.debug("Refusing unsupported control request '{}' from the Claude Code CLI", message.subtype());
			ObjectNode line = objectMapper.createObjectNode();
			line.put("type", ControlMessage.RESPONSE);
			ObjectNode response = line.putObject("response");
			response.put("subtype", "error");
			response.put("request_id", message.requestId());
			response.put("error", "Unsupported control request subtype: " + message.subtype());
			return write(line);
		}
		if (message.isErrorResponse()) {
			logger.debug("Claude Code CLI refused control request {}: {}", message.requestId(), message.error());
		}
		return null;
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
