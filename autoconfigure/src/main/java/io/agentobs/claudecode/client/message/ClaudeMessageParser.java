package io.agentobs.claudecode.client.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.TextNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses lines of the CLI's stream-json output into {@link ClaudeMessage}s. A line that is
 * not a JSON object becomes an {@link UnknownMessage} and is logged once per parser; a line
 * over the mapper's read constraints (string length, nesting depth) is refused with a
 * {@link StreamJsonLimitException}, never turned into an unknown message. Lines of the control
 * protocol (a {@code type} starting with {@code control_}) become {@link ControlMessage}s.
 */
public final class ClaudeMessageParser {

	private static final Logger logger = LoggerFactory.getLogger(ClaudeMessageParser.class);

	private static final int MAX_LOGGED_LINE = 200;

	private static final String CONTROL_TYPE_PREFIX = "control_";

	private final ObjectReader reader;

	private volatile boolean malformedLineLogged;

	/**
	 * Creates a parser that reads with the shared {@link Json#mapper()}.
	 */
	public ClaudeMessageParser() {
		this(Json.mapper().reader());
	}

	/**
	 * Creates a parser that reads with the given mapper.
	 * @param objectMapper the mapper
	 */
	public ClaudeMessageParser(ObjectMapper objectMapper) {
		this(objectMapper.reader());
	}

	private ClaudeMessageParser(ObjectReader reader) {
		this.reader = reader;
	}

	/**
	 * Creates a parser that reads with the shared {@link Json#mapper()} and refuses lines over
	 * the given constraints with a {@link StreamJsonLimitException}.
	 * @param constraints the largest strings, names, lines and nesting read
	 * @return the parser
	 */
	public static ClaudeMessageParser within(StreamReadConstraints constraints) {
		return new ClaudeMessageParser(Json.reader(constraints));
	}

	/**
	 * Parses one line.
	 * @param line a line of stream-json output
	 * @return the message, never {@code null}
	 * @throws StreamJsonLimitException when the line exceeds the mapper's read constraints
	 */
	public ClaudeMessage parse(String line) {
		JsonNode node;
		try {
			node = this.reader.readTree(line);
		}
		catch (StreamConstraintsException ex) {
			throw new StreamJsonLimitException(ex.getOriginalMessage(), ex);
		}
		catch (JsonProcessingException ex) {
			node = null;
		}
		if (node == null || !node.isObject()) {
			logMalformed(line);
			return new UnknownMessage(null, null, TextNode.valueOf(line));
		}
		return parse(node);
	}

	/**
	 * Maps one JSON object.
	 * @param node a stream-json object
	 * @return the message, never {@code null}
	 */
	public ClaudeMessage parse(JsonNode node) {
		String type = Json.text(node, "type");
		String sessionId = Json.text(node, "session_id");
		if (type == null) {
			return new UnknownMessage(null, sessionId, node);
		}
		if (type.startsWith(CONTROL_TYPE_PREFIX)) {
			return ControlMessage.from(type, sessionId, node);
		}
		return switch (type) {
			case "system" -> new SystemMessage(Json.text(node, "subtype"), sessionId, node);
			case "assistant" -> assistant(node, sessionId);
			case "user" -> user(node, sessionId);
			case "stream_event" -> new StreamEventMessage(Json.field(node, "event"), Json.text(node, "api_message_id"),
					Json.text(node, "parent_tool_use_id"), sessionId, node);
			case "result" -> result(node, sessionId);
			case "rate_limit_event" -> new RateLimitEvent(sessionId, node);
			case "tool_progress" -> new ToolProgressMessage(Json.text(node, "tool_use_id"), Json.text(node, "tool_name"),
					Json.text(node, "parent_tool_use_id"), Json.doubleOrNull(node, "elapsed_time_seconds"),
					Json.text(node, "task_id"), sessionId, node);
			default -> new UnknownMessage(type, sessionId, node);
		};
	}

	private AssistantMessage assistant(JsonNode node, String sessionId) {
		JsonNode message = Json.field(node, "message");
		return new AssistantMessage(Json.text(message, "id"), Json.text(message, "model"),
				ContentBlock.listFrom(Json.field(message, "content")), Usage.from(Json.field(message, "usage")),
				Json.text(message, "stop_reason"), Json.text(node, "parent_tool_use_id"), Json.text(node, "agent_id"),
				Json.bool(node, "is_api_error_message"), Json.intOrNull(node, "api_error_status"),
				Json.text(node, "error"), sessionId, node);
	}

	private UserMessage user(JsonNode node, String sessionId) {
		JsonNode message = Json.field(node, "message");
		return new UserMessage(ContentBlock.listFrom(Json.field(message, "content")),
				Json.text(node, "parent_tool_use_id"), Json.text(node, "agent_id"), Json.field(node, "tool_use_result"),
				sessionId, node);
	}

	private ResultMessage result(JsonNode node, String sessionId) {
		return new ResultMessage(Json.text(node, "subtype"), Json.bool(node, "is_error"), Json.intOrNull(node, "num_turns"),
				Json.longOrNull(node, "duration_ms"), Json.longOrNull(node, "duration_api_ms"),
				Json.doubleOrNull(node, "total_cost_usd"), Usage.from(Json.field(node, "usage")),
				modelUsage(Json.field(node, "modelUsage")), Json.text(node, "stop_reason"),
				Json.text(node, "terminal_reason"), elements(Json.field(node, "permission_denials")),
				Json.texts(node, "errors"), Json.intOrNull(node, "api_error_status"), Json.text(node, "result"),
				sessionId, node);
	}

	private static Map<String, ResultMessage.ModelUsage> modelUsage(JsonNode node) {
		Map<String, ResultMessage.ModelUsage> models = new LinkedHashMap<>();
		if (node != null && node.isObject()) {
			node.fields()
				.forEachRemaining((entry) -> models.put(entry.getKey(), new ResultMessage.ModelUsage(
						Usage.from(entry.getValue()), Json.doubleOrNull(entry.getValue(), "costUSD"),
						Json.longOrNull(entry.getValue(), "contextWindow"))));
		}
		return Map.copyOf(models);
	}

	private static List<JsonNode> elements(JsonNode array) {
		List<JsonNode> elements = new ArrayList<>();
		if (array != null && array.isArray()) {
			array.forEach(elements::add);
		}
		return List.copyOf(elements);
	}

	private void logMalformed(String line) {
		if (!this.malformedLineLogged) {
			this.malformedLineLogged = true;
			String shown = (line.length() > MAX_LOGGED_LINE) ? line.substring(0, MAX_LOGGED_LINE) + "..." : line;
			logger.warn("Claude Code CLI wrote a line that is not a JSON object; delivering it as an unknown message "
					+ "(further such lines are not logged): {}", shown);
		}
	}

}
