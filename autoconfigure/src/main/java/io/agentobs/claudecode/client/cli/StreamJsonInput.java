package io.agentobs.claudecode.client.cli;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.UnknownMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lines this client writes to the CLI's stdin in {@code --input-format stream-json}
 * mode: user messages, control requests, and answers to the CLI's control requests.
 */
final class StreamJsonInput {

	private static final Logger logger = LoggerFactory.getLogger(StreamJsonInput.class);

	private static final ObjectMapper objectMapper = new ObjectMapper();

	private final String requestIdPrefix = "req_" + UUID.randomUUID().toString().substring(0, 8) + "_";

	private final AtomicLong requestCounter = new AtomicLong();

	/**
	 * Whether a message belongs to the control protocol and must not reach the user.
	 * @param message a parsed output line
	 * @return {@code true} for control requests, responses and cancellations
	 */
	static boolean isControl(ClaudeMessage message) {
		return message instanceof UnknownMessage unknown && unknown.type() != null
				&& unknown.type().startsWith("control_");
	}

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
		line.put("type", "control_request");
		line.put("request_id", this.requestIdPrefix + this.requestCounter.incrementAndGet());
		line.putObject("request").put("subtype", subtype);
		return write(line);
	}

	/**
	 * Handles a control line from the CLI.
	 * @param message a control message
	 * @return the line to answer with, or {@code null} when none is due
	 */
	String answer(UnknownMessage message) {
		String subtype = message.raw().path("request").path("subtype").asText(null);
		if ("control_request".equals(message.type())) {
			String requestId = message.raw().path("request_id").asText(null);
			logger.debug("Refusing unsupported control request '{}' from the Claude Code CLI", subtype);
			ObjectNode line = objectMapper.createObjectNode();
			line.put("type", "control_response");
			ObjectNode response = line.putObject("response");
			response.put("subtype", "error");
			response.put("request_id", requestId);
			response.put("error", "Unsupported control request subtype: " + subtype);
			return write(line);
		}
		if ("control_response".equals(message.type())
				&& "error".equals(message.raw().path("response").path("subtype").asText(null))) {
			logger.debug("Claude Code CLI refused control request {}: {}",
					message.raw().path("response").path("request_id").asText(null),
					message.raw().path("response").path("error").asText(null));
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
