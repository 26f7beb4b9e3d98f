package io.agentobs.claudecode.scripted;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.agentobs.claudecode.scripted.ScriptedReply.Message;
import io.agentobs.claudecode.scripted.ScriptedReply.ToolUse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the Messages API requests of a {@link ScriptedAnthropicApi}: {@code /v1/messages}
 * from the {@link ScenarioScripts}, {@code /v1/messages/count_tokens}, and 404 for anything
 * else. Logs one line per request at DEBUG.
 */
final class MessagesHandler implements HttpHandler {

	private static final Logger logger = LoggerFactory.getLogger(MessagesHandler.class);

	private static final String SESSION_HEADER = "X-Claude-Code-Session-Id";

	private final ObjectMapper objectMapper = new ObjectMapper();

	private final MessageRenderer renderer = new MessageRenderer(this.objectMapper);

	private final AtomicInteger callCounter = new AtomicInteger();

	private final Map<String, Scenario> sessionScenarios = new ConcurrentHashMap<>();

	private final Supplier<Scenario> defaultScenario;

	private final IntFunction<Usage> usage;

	private final Duration slowEventDelay;

	private final Duration firstEventDelay;

	private final Consumer<RecordedCall> recorder;

	private final Consumer<JsonNode> requestRecorder;

	/** Attempts per conversation step, for {@link Scenario#RETRIED_ERRORS}. */
	private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	MessagesHandler(Supplier<Scenario> defaultScenario, IntFunction<Usage> usage, Duration slowEventDelay,
			Duration firstEventDelay, Consumer<RecordedCall> recorder, Consumer<JsonNode> requestRecorder) {
		this.defaultScenario = defaultScenario;
		this.usage = usage;
		this.slowEventDelay = slowEventDelay;
		this.firstEventDelay = firstEventDelay;
		this.recorder = recorder;
		this.requestRecorder = requestRecorder;
	}

	@Override
	public void handle(HttpExchange exchange) {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			boolean post = "POST".equals(exchange.getRequestMethod());
			if (post && "/v1/messages".equals(path)) {
				messages(exchange, readJson(exchange.getRequestBody()));
			}
			else if (post && "/v1/messages/count_tokens".equals(path)) {
				ObjectNode count = this.objectMapper.createObjectNode()
					.put("input_tokens", this.usage.apply(this.callCounter.get() + 1).inputTokens());
				sendJson(exchange, 200, count);
				logger.debug("{} {} -> 200 count_tokens", exchange.getRequestMethod(), exchange.getRequestURI());
			}
			else {
				sendError(exchange, new ScriptedReply.Error(404, "not_found_error", "Not found: " + path));
				logger.debug("{} {} -> 404", exchange.getRequestMethod(), exchange.getRequestURI());
			}
		}
		catch (IOException | UncheckedIOException ex) {
			logger.debug("Client went away during {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
					ex.toString());
		}
		catch (RuntimeException ex) {
			logger.warn("Failed to answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), ex);
		}
	}

	private void messages(HttpExchange exchange, JsonNode request) throws IOException {
		this.requestRecorder.accept(request);
		ConversationState state = ConversationState.of(request);
		Scenario active = scenario(state, exchange.getRequestHeaders().getFirst(SESSION_HEADER));
		ScriptedReply reply = (active == Scenario.RETRIED_ERRORS && state.hasTools())
				? retriedError(exchange, state) : null;
		if (reply == null) {
			reply = ScenarioScripts.reply(active, state);
		}
		int number = this.callCounter.incrementAndGet();
		String seq = String.format("%04d", number);
		exchange.getResponseHeaders().set("request-id", "req_" + active.slug() + "_" + seq);
		if (reply instanceof ScriptedReply.Error error) {
			record(new RecordedCall(number, active, state.subagent(), state.step(), state.model(), state.stream(),
					error.status(), null, null, null, List.of(), offeredTools(request), toolResults(request), request), exchange);
			sendError(exchange, error);
			return;
		}
		Message message = (Message) reply;
		String id = "msg_" + active.slug() + (state.subagent() ? "_sub_" : "_") + seq;
		List<String> toolUseIds = new ArrayList<>();
		for (ScriptedReply.Block block : message.blocks()) {
			if (block instanceof ToolUse) {
				toolUseIds.add("toolu_" + active.slug() + "_" + seq + "_" + toolUseIds.size());
			}
		}
		Usage usage = this.usage.apply(number);
		record(new RecordedCall(number, active, state.subagent(), state.step(), state.model(), state.stream(), 200,
				id, usage, message.stopReason(), toolUseIds, offeredTools(request), toolResults(request), request), exchange);
		if (!state.stream()) {
			sendJson(exchange, 200, this.renderer.json(message, id, toolUseIds, state.model(), usage));
			return;
		}
		Duration delay = (active == Scenario.SLOW) ? this.slowEventDelay : Duration.ZERO;
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.getResponseHeaders().set("Cache-Control", "no-cache");
		exchange.sendResponseHeaders(200, 0);
		OutputStream body = exchange.getResponseBody();
		List<SseEvent> events = this.renderer.events(message, id, toolUseIds, state.model(), usage);
		if (active == Scenario.FIRST_EVENT_DELAY) {
			pause(this.firstEventDelay);
		}
		if (active == Scenario.STREAM_ERROR && state.hasTools()) {
			// message_start, the first block's start and delta, then the stream is cut
			for (int i = 0; i < Math.min(3, events.size()); i++) {
				events.get(i).writeTo(body);
			}
			this.renderer.streamError("overloaded_error", "Overloaded").writeTo(body);
			return;
		}
		if (active == Scenario.STREAM_CUT && state.hasTools() && isFirstAttempt(exchange, state)) {
			// message_start, the first block's start and delta, then the connection ends
			for (int i = 0; i < Math.min(3, events.size()); i++) {
				events.get(i).writeTo(body);
			}
			body.flush();
			return;
		}
		for (int i = 0; i < events.size(); i++) {
			if (i > 0) {
				pause(delay);
			}
			events.get(i).writeTo(body);
		}
	}

	/**
	 * The first attempt of a conversation step gets a 500, the second a 529, later ones the
	 * scripted answer ({@code null}).
	 */
	private ScriptedReply retriedError(HttpExchange exchange, ConversationState state) {
		return switch (attempt(exchange, state)) {
			case 1 -> new ScriptedReply.Error(500, "api_error", "Internal server error");
			case 2 -> new ScriptedReply.Error(529, "overloaded_error", "Overloaded");
			default -> null;
		};
	}

	private boolean isFirstAttempt(HttpExchange exchange, ConversationState state) {
		return attempt(exchange, state) == 1;
	}

	/** The number of this request among the attempts at its conversation step, from 1. */
	private int attempt(HttpExchange exchange, ConversationState state) {
		String key = exchange.getRequestHeaders().getFirst(SESSION_HEADER) + ":" + state.subagent() + ":"
				+ state.step();
		return this.attempts.computeIfAbsent(key, (k) -> new AtomicInteger()).incrementAndGet();
	}

	/**
	 * The marker in the prompts wins; a subagent, whose prompt has no marker, gets the scenario
	 * of the main conversation of its CLI session.
	 */
	private Scenario scenario(ConversationState state, String session) {
		Scenario fallback = this.defaultScenario.get();
		if (state.subagent()) {
			return state.marker()
				.orElseGet(() -> (session != null) ? this.sessionScenarios.getOrDefault(session, fallback) : fallback);
		}
		Scenario scenario = state.marker().orElse(fallback);
		if (session != null && state.hasTools()) {
			this.sessionScenarios.put(session, scenario);
		}
		return scenario;
	}

	private static List<String> offeredTools(JsonNode request) {
		List<String> names = new ArrayList<>();
		request.path("tools").forEach((tool) -> names.add(tool.path("name").asText()));
		return names;
	}

	private static List<RecordedCall.ToolResult> toolResults(JsonNode request) {
		List<RecordedCall.ToolResult> results = new ArrayList<>();
		JsonNode messages = request.path("messages");
		JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
		if (last == null || !last.path("content").isArray()) {
			return results;
		}
		for (JsonNode block : last.path("content")) {
			if ("tool_result".equals(block.path("type").asText())) {
				JsonNode content = block.path("content");
				StringBuilder text = new StringBuilder();
				if (content.isArray()) {
					content.forEach((part) -> text.append(part.path("text").asText()));
				}
				else {
					text.append(content.asText());
				}
				results.add(new RecordedCall.ToolResult(block.path("tool_use_id").asText(),
						block.path("is_error").asBoolean(false), text.toString()));
			}
		}
		return results;
	}

	private void record(RecordedCall call, HttpExchange exchange) {
		this.recorder.accept(call);
		logger.debug("{} {} -> {} {} step {}{} {} {}", exchange.getRequestMethod(), exchange.getRequestURI(),
				call.status(), call.scenario(), call.step(), call.subagent() ? " (subagent)" : "", call.messageId(),
				call.stopReason());
	}

	private JsonNode readJson(InputStream body) throws IOException {
		byte[] bytes = body.readAllBytes();
		try {
			return (bytes.length > 0) ? this.objectMapper.readTree(bytes) : this.objectMapper.createObjectNode();
		}
		catch (IOException ex) {
			logger.debug("Unreadable request body, answering as if empty: {}", ex.toString());
			return this.objectMapper.createObjectNode();
		}
	}

	private void sendError(HttpExchange exchange, ScriptedReply.Error error) throws IOException {
		exchange.getResponseHeaders().set("x-should-retry", String.valueOf(error.status() >= 500));
		ObjectNode body = this.objectMapper.createObjectNode().put("type", "error");
		body.putObject("error").put("type", error.type()).put("message", error.message());
		sendJson(exchange, error.status(), body);
	}

	private void sendJson(HttpExchange exchange, int status, JsonNode json) throws IOException {
		byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private static void pause(Duration delay) {
		if (delay.isZero()) {
			return;
		}
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UncheckedIOException(new IOException("Interrupted while pausing the stream", ex));
		}
	}

}
