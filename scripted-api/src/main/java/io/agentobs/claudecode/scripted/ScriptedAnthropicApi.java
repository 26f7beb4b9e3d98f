package io.agentobs.claudecode.scripted;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * A scripted Anthropic Messages API on loopback that the real Claude Code CLI talks to offline.
 * It answers {@code POST /v1/messages} (SSE stream or plain JSON) and
 * {@code POST /v1/messages/count_tokens} according to a {@link Scenario}, and records every
 * {@code /v1/messages} call it answered.
 *
 * <pre class="code">
 * try (ScriptedAnthropicApi api = ScriptedAnthropicApi.start(Scenario.TOOL_CALL)) {
 *     // run the CLI with api.cliEnvironment(), then inspect api.calls()
 * }
 * </pre>
 */
public final class ScriptedAnthropicApi implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor;

	private final List<RecordedCall> calls = new CopyOnWriteArrayList<>();

	private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

	private volatile Scenario scenario;

	private ScriptedAnthropicApi(Builder builder) throws IOException {
		this.scenario = builder.scenario;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.executor = Executors.newCachedThreadPool((runnable) -> {
			Thread thread = new Thread(runnable, "scripted-anthropic-api");
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.executor);
		this.server.createContext("/", new MessagesHandler(this::scenario, builder.usage, builder.slowEventDelay,
				builder.firstEventDelay, this.calls::add, this.requests::add));
		this.server.start();
	}

	/**
	 * Starts a server answering {@link Scenario#PLAIN_ANSWER} unless a prompt names a scenario.
	 * @return the running server
	 */
	public static ScriptedAnthropicApi start() {
		return builder().start();
	}

	/**
	 * Starts a server answering the given scenario unless a prompt names another.
	 * @param scenario the scenario
	 * @return the running server
	 */
	public static ScriptedAnthropicApi start(Scenario scenario) {
		return builder().scenario(scenario).start();
	}

	/**
	 * A builder for a server with custom usage or delays.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The URL to give the CLI as {@code ANTHROPIC_BASE_URL}.
	 * @return e.g. {@code http://127.0.0.1:41234}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/**
	 * The ephemeral port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * The environment that makes the CLI use this server offline: {@code ANTHROPIC_BASE_URL}, a
	 * fake {@code ANTHROPIC_API_KEY}, and the switches that turn off non-essential traffic,
	 * auto-update and telemetry.
	 * @return a new mutable map
	 */
	public Map<String, String> cliEnvironment() {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("ANTHROPIC_BASE_URL", baseUrl());
		environment.put("ANTHROPIC_API_KEY", "sk-test");
		environment.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
		environment.put("DISABLE_AUTOUPDATER", "1");
		environment.put("DISABLE_TELEMETRY", "1");
		return environment;
	}

	/**
	 * The scenario answered when no prompt names one.
	 * @return the scenario
	 */
	public Scenario scenario() {
		return this.scenario;
	}

	/**
	 * Changes the scenario answered when no prompt names one.
	 * @param scenario the scenario
	 */
	public void scenario(Scenario scenario) {
		this.scenario = Objects.requireNonNull(scenario, "scenario");
	}

	/**
	 * The {@code /v1/messages} calls answered so far, in the order they were answered.
	 * @return an immutable snapshot
	 */
	public List<RecordedCall> calls() {
		return List.copyOf(this.calls);
	}

	/**
	 * The bodies of the {@code /v1/messages} requests received so far, in order: what the CLI
	 * sent the model (tool results, denials, the requested model).
	 * @return an immutable snapshot
	 */
	public List<JsonNode> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * The {@code tool_result} blocks the CLI sent the model so far, by tool-use id, each as
	 * its content's text (a text block's text, or the string content).
	 * @return the results, in the order they were sent (a result sent again in a later
	 * request keeps its first place)
	 */
	public Map<String, String> toolResults() {
		Map<String, String> results = new LinkedHashMap<>();
		for (JsonNode request : this.requests) {
			for (JsonNode message : request.path("messages")) {
				for (JsonNode block : message.path("content")) {
					if ("tool_result".equals(block.path("type").asText())) {
						results.putIfAbsent(block.path("tool_use_id").asText(), text(block.path("content")));
					}
				}
			}
		}
		return results;
	}

	private static String text(JsonNode content) {
		if (content.isTextual()) {
			return content.asText();
		}
		StringBuilder text = new StringBuilder();
		for (JsonNode block : content) {
			text.append(block.path("text").asText(""));
		}
		return text.toString();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * Builds a {@link ScriptedAnthropicApi}.
	 */
	public static final class Builder {

		private Scenario scenario = Scenario.PLAIN_ANSWER;

		private IntFunction<Usage> usage = (number) -> Usage.DEFAULT;

		private Duration slowEventDelay = Duration.ofSeconds(2);

		private Duration firstEventDelay = Duration.ofMillis(1500);

		private Builder() {
		}

		/**
		 * Sets the scenario answered when no prompt names one; {@link Scenario#PLAIN_ANSWER} by
		 * default.
		 * @param scenario the scenario
		 * @return this builder
		 */
		public Builder scenario(Scenario scenario) {
			this.scenario = Objects.requireNonNull(scenario, "scenario");
			return this;
		}

		/**
		 * Sets the usage reported by every call; {@link Usage#DEFAULT} by default.
		 * @param usage the usage
		 * @return this builder
		 */
		public Builder usage(Usage usage) {
			Objects.requireNonNull(usage, "usage");
			return usage((number) -> usage);
		}

		/**
		 * Sets the usage reported per call.
		 * @param usageByCallNumber the usage of the call with the given 1-based number
		 * @return this builder
		 */
		public Builder usage(IntFunction<Usage> usageByCallNumber) {
			this.usage = Objects.requireNonNull(usageByCallNumber, "usageByCallNumber");
			return this;
		}

		/**
		 * Sets the pause between the SSE events of {@link Scenario#SLOW}; 2 seconds by default.
		 * @param delay the pause
		 * @return this builder
		 */
		public Builder slowEventDelay(Duration delay) {
			this.slowEventDelay = Objects.requireNonNull(delay, "delay");
			return this;
		}

		/**
		 * Sets the wait before the first SSE event of each call of
		 * {@link Scenario#FIRST_EVENT_DELAY}; 1.5 seconds by default.
		 * @param delay the wait
		 * @return this builder
		 */
		public Builder firstEventDelay(Duration delay) {
			this.firstEventDelay = Objects.requireNonNull(delay, "delay");
			return this;
		}

		/**
		 * Starts the server on an ephemeral loopback port.
		 * @return the running server
		 */
		public ScriptedAnthropicApi start() {
			try {
				return new ScriptedAnthropicApi(this);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the scripted Anthropic API", ex);
			}
		}

	}

}
