package io.agentobs.claudecode.sentry;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.instrument.client.ClaudeCodeMessageAdapter;
import io.agentobs.claudecode.run.AgentRunEvents.SubagentStart;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallEnd;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallStart;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.SessionCost;
import io.agentobs.claudecode.testsupport.SentryEnvelopeServer;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.micrometer.observation.ObservationRegistry;
import io.sentry.ITransaction;
import io.sentry.ScopesAdapter;
import io.sentry.Sentry;
import io.sentry.TransactionOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Replays real CLI recordings into a Sentry client whose DSN points at a loopback server,
 * and checks the envelopes Sentry really sends: the transaction, its spans, their typed data
 * and the error event of a failed run.
 */
class SentryEnvelopeTests {

	private static final String ORIGIN = "auto.ai.claude_code";

	private SentryEnvelopeServer server;

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final AgentRunObservations observations = AgentRunObservations.builder(this.registry).build();

	@BeforeEach
	void initSentry() throws IOException {
		this.server = new SentryEnvelopeServer();
		this.server.initSentry();
		this.registry.observationConfig().observationHandler(new SentryAgentObservationHandler(ScopesAdapter.getInstance()));
	}

	@AfterEach
	void closeSentry() {
		Sentry.close();
		this.server.close();
	}

	@Test
	void runWithoutCurrentSpanIsOneTransactionWithTypedGenAiSpans() throws IOException {
		replay("tool-call.jsonl");
		JsonNode transaction = onlyTransaction();
		JsonNode trace = transaction.at("/contexts/trace");
		assertThat(transaction.get("transaction").asText()).isEqualTo("invoke_agent claude-code");
		assertThat(trace.get("op").asText()).isEqualTo("gen_ai.invoke_agent");
		assertThat(trace.get("origin").asText()).isEqualTo(ORIGIN);
		assertThat(trace.get("status").asText()).isEqualTo("ok");
		JsonNode agentData = trace.get("data");
		assertThat(agentData.get("gen_ai.cost.total_tokens").isDouble()).isTrue();
		assertThat(agentData.get("gen_ai.cost.total_tokens").asDouble()).isEqualTo(0.0012417);
		assertThat(agentData.get("gen_ai.cost.input_tokens").asDouble()).isEqualTo(0.0006417, within(1e-12));
		assertThat(agentData.get("gen_ai.cost.output_tokens").asDouble()).isEqualTo(0.0006, within(1e-12));
		assertThat(agentData.get("gen_ai.context.window_size").isIntegralNumber()).isTrue();
		assertThat(agentData.get("gen_ai.context.window_size").asLong()).isEqualTo(200000L);
		assertThat(agentData.get("gen_ai.tool.definitions").asText()).startsWith("[{\"type\":\"function\",\"name\":");
		assertThat(agentData.has("gen_ai.system")).as("deprecated").isFalse();
		assertThat(agentData.get("claude_code.num_turns").isInt()).isTrue();
		assertThat(agentData.get("claude_code.num_turns").asInt()).isEqualTo(2);
		assertThat(agentData.get("claude_code.usage.input_tokens").isIntegralNumber()).isTrue();
		assertThat(agentData.get("claude_code.usage.input_tokens").asLong()).isEqualTo(224L);
		assertThat(agentData.get("gen_ai.conversation.id").asText()).isEqualTo("16dcfd66-3edb-4e97-813c-25a11eb88497");
		assertThat(agentData.get("gen_ai.operation.name").asText()).isEqualTo("invoke_agent");
		assertThat(agentData.has("error.type")).as("'none' values are skipped").isFalse();

		List<JsonNode> spans = spans(transaction);
		assertThat(spans).extracting((span) -> span.get("op").asText() + " / " + span.get("description").asText())
			.containsExactly("gen_ai.chat / chat claude-sonnet-4-5", "gen_ai.execute_tool / execute_tool Bash",
					"gen_ai.chat / chat claude-sonnet-4-5");
		assertThat(spans).allSatisfy((span) -> {
			assertThat(span.get("parent_span_id").asText()).isEqualTo(trace.get("span_id").asText());
			assertThat(span.get("trace_id").asText()).isEqualTo(trace.get("trace_id").asText());
			assertThat(span.get("origin").asText()).isEqualTo(ORIGIN);
			assertThat(span.get("status").asText()).isEqualTo("ok");
		});
		JsonNode chat = spans.get(0).get("data");
		assertThat(chat.get("gen_ai.usage.input_tokens").isIntegralNumber()).isTrue();
		assertThat(chat.get("gen_ai.usage.input_tokens").asLong()).isEqualTo(112L);
		assertThat(chat.get("gen_ai.usage.cache_read.input_tokens").asLong()).isEqualTo(7L);
		assertThat(chat.get("gen_ai.usage.cache_creation.input_tokens").asLong()).isEqualTo(5L);
		assertThat(chat.has("gen_ai.usage.output_tokens")).isFalse();
		assertThat(chat.get("gen_ai.response.id").asText()).isEqualTo("msg_0002");
		JsonNode tool = spans.get(1).get("data");
		assertThat(tool.get("gen_ai.tool.name").asText()).isEqualTo("Bash");
		assertThat(tool.has("gen_ai.tool.type")).as("deprecated by Sentry's conventions").isFalse();
		assertThat(tool.get("gen_ai.tool.call.id").asText()).isEqualTo("toolu_0002");

		assertThat(StreamSupport.stream(transaction.at("/sdk/integrations").spliterator(), false).map(JsonNode::asText))
			.contains(ClaudeCodeSentryIntegration.NAME);
		assertThat(transaction.at("/sdk/packages")).anySatisfy((sdkPackage) -> {
			assertThat(sdkPackage.get("name").asText()).isEqualTo(ClaudeCodeSentryIntegration.PACKAGE);
			assertThat(sdkPackage.get("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
		});
		assertThat(this.server.items("event")).isEmpty();
		assertThat(this.server.paths()).allMatch("/api/42/envelope/"::equals);
		assertThat(this.server.encodings()).as("the SDK compresses envelopes").containsOnly("gzip");
	}

	@Test
	void partialMessagesGiveNumericOutputTokensOnChatSpans() throws IOException {
		replay("partial-messages.jsonl");
		List<JsonNode> chats = spans(onlyTransaction()).stream()
			.filter((span) -> span.get("op").asText().equals("gen_ai.chat"))
			.toList();
		assertThat(chats).hasSize(2).allSatisfy((chat) -> {
			JsonNode outputTokens = chat.at("/data/gen_ai.usage.output_tokens");
			assertThat(outputTokens.isIntegralNumber()).isTrue();
			assertThat(outputTokens.asLong()).isEqualTo(20L);
		});
		assertThat(chats).extracting((chat) -> chat.at("/data/gen_ai.response.finish_reasons").asText())
			.containsExactly("[\"tool_use\"]", "[\"end_turn\"]");
	}

	@Test
	void subagentSpansNestUnderTheAgentToolSpan() throws IOException {
		replay("subagent-foreground.jsonl");
		JsonNode transaction = onlyTransaction();
		String root = transaction.at("/contexts/trace/span_id").asText();
		Map<String, JsonNode> byDescription = spans(transaction).stream()
			.collect(Collectors.toMap((span) -> span.get("description").asText() + " #"
					+ span.get("parent_span_id").asText(), Function.identity(), (first, second) -> first));
		JsonNode agentTool = find(transaction, "execute_tool Agent");
		JsonNode subagent = find(transaction, "invoke_agent general-purpose");
		assertThat(agentTool.get("parent_span_id").asText()).isEqualTo(root);
		assertThat(subagent.get("op").asText()).isEqualTo("gen_ai.invoke_agent");
		assertThat(subagent.get("parent_span_id").asText()).isEqualTo(agentTool.get("span_id").asText());
		assertThat(subagent.at("/data/gen_ai.agent.id").asText()).isEqualTo("a3613f57f2e76fb23");
		String subagentId = subagent.get("span_id").asText();
		assertThat(byDescription).containsKeys("execute_tool Bash #" + subagentId,
				"chat claude-sonnet-4-5 #" + subagentId, "chat claude-sonnet-4-5 #" + root);
		assertThat(spans(transaction)).hasSize(6);
	}

	@Test
	void apiErrorCapturesOneUnhandledEventInTheAgentTrace() throws IOException {
		replay("api-error-401.jsonl");
		JsonNode transaction = onlyTransaction();
		JsonNode trace = transaction.at("/contexts/trace");
		assertThat(trace.get("status").asText()).isEqualTo("internal_error");
		assertThat(trace.at("/data/error.type").asText()).isEqualTo("401");
		assertThat(spans(transaction)).isEmpty();

		List<JsonNode> events = this.server.items("event");
		assertThat(events).hasSize(1);
		JsonNode event = events.get(0);
		assertThat(event.get("level").asText()).isEqualTo("error");
		assertThat(event.at("/contexts/trace/trace_id").asText()).isEqualTo(trace.get("trace_id").asText());
		assertThat(event.at("/contexts/trace/span_id").asText()).isEqualTo(trace.get("span_id").asText());
		assertThat(event.get("transaction").asText()).isEqualTo("invoke_agent claude-code");
		assertThat(event.at("/tags/error.type").asText()).isEqualTo("401");
		JsonNode exception = event.at("/exception/values").get(0);
		assertThat(exception.get("type").asText()).isEqualTo("AgentRunFailedException");
		assertThat(exception.get("value").asText()).contains("Invalid API key");
		assertThat(exception.at("/mechanism/type").asText()).isEqualTo(ORIGIN);
		assertThat(exception.at("/mechanism/handled").isBoolean()).isTrue();
		assertThat(exception.at("/mechanism/handled").asBoolean()).isFalse();
	}

	@Test
	void failedToolMarksOnlyItsSpanAndCapturesNoEvent() throws IOException {
		replay("tool-error.jsonl");
		JsonNode transaction = onlyTransaction();
		assertThat(transaction.at("/contexts/trace/status").asText()).isEqualTo("ok");
		JsonNode tool = find(transaction, "execute_tool Bash");
		assertThat(tool.get("status").asText()).isEqualTo("internal_error");
		assertThat(tool.at("/data/error.type").asText()).isEqualTo("tool_error");
		assertThat(this.server.items("event")).isEmpty();
	}

	@Test
	void runInsideTransactionNestsUnderItWithMessagesOnAnotherThread() throws Exception {
		List<ClaudeMessage> messages = Transcripts.parse("tool-call.jsonl");
		TransactionOptions options = new TransactionOptions();
		options.setBindToScope(true);
		ITransaction request = Sentry.startTransaction("POST /agent", "http.server", options);
		AgentRunRecorder recorder = this.observations.startRun("prompt", null, null, new SessionCost());
		CompletableFuture.runAsync(() -> messages.forEach((message) -> new ClaudeCodeMessageAdapter().record(message, recorder)))
			.get(10, TimeUnit.SECONDS);
		request.finish();
		Sentry.flush(5000);

		JsonNode transaction = onlyTransaction();
		assertThat(transaction.get("transaction").asText()).isEqualTo("POST /agent");
		String requestSpanId = transaction.at("/contexts/trace/span_id").asText();
		JsonNode agent = find(transaction, "invoke_agent claude-code");
		assertThat(agent.get("op").asText()).isEqualTo("gen_ai.invoke_agent");
		assertThat(agent.get("origin").asText()).isEqualTo(ORIGIN);
		assertThat(agent.get("parent_span_id").asText()).isEqualTo(requestSpanId);
		assertThat(agent.at("/data/gen_ai.cost.total_tokens").isDouble()).isTrue();
		assertThat(spans(transaction)).hasSize(4)
			.filteredOn((span) -> !span.equals(agent))
			.allSatisfy((span) -> assertThat(span.get("parent_span_id").asText())
				.isEqualTo(agent.get("span_id").asText()));
	}

	@Test
	void runConsumedInAPipelineInsideAnotherTransactionKeepsItsOwnTree() {
		List<ClaudeMessage> messages = Transcripts.parse("subagent-foreground.jsonl");
		AgentRunRecorder recorder = this.observations.startRun("prompt", null, null, new SessionCost());
		ClaudeCodeMessageAdapter adapter = new ClaudeCodeMessageAdapter();
		Flux.fromIterable(messages).publishOn(Schedulers.boundedElastic()).doOnNext((message) -> {
			TransactionOptions options = new TransactionOptions();
			options.setBindToScope(true);
			ITransaction consumer = Sentry.startTransaction("consumer", "task", options);
			try {
				adapter.record(message, recorder);
			}
			finally {
				consumer.finish();
			}
		}).blockLast();
		Sentry.flush(5000);

		List<JsonNode> runs = this.server.items("transaction")
			.stream()
			.filter((transaction) -> transaction.get("transaction").asText().equals("invoke_agent claude-code"))
			.toList();
		assertThat(runs).hasSize(1);
		JsonNode run = runs.get(0);
		String agentId = run.at("/contexts/trace/span_id").asText();
		JsonNode agentTool = find(run, "execute_tool Agent");
		JsonNode subagent = find(run, "invoke_agent general-purpose");
		assertThat(agentTool.get("parent_span_id").asText()).isEqualTo(agentId);
		assertThat(subagent.get("parent_span_id").asText()).isEqualTo(agentTool.get("span_id").asText());
		assertThat(spans(run)).hasSize(6)
			.allSatisfy((span) -> assertThat(span.get("parent_span_id").asText())
				.isIn(agentId, subagent.get("span_id").asText(), agentTool.get("span_id").asText()));
		assertThat(this.server.items("transaction"))
			.filteredOn((transaction) -> transaction.get("transaction").asText().equals("consumer"))
			.allSatisfy((transaction) -> assertThat(spans(transaction)).isEmpty());
	}

	@Test
	void failedRunWithFailedSubagentCapturesOnlyTheRunFailure() {
		AgentRunRecorder recorder = this.observations.startRun("prompt", null, null, new SessionCost());
		recorder.sessionStarted("session-1", "claude-sonnet-4-5", List.of("Agent", "Bash"));
		recorder.toolCallStarted(new ToolCallStart(null, "toolu_1", "Agent",
				"{\"subagent_type\":\"general-purpose\"}", "general-purpose"));
		recorder.subagentStarted(new SubagentStart("toolu_1", "agent-1", "general-purpose", "task"));
		recorder.subagentFinished("toolu_1", "error_max_turns");
		recorder.toolCallFinished(new ToolCallEnd(null, "toolu_1", true, "subagent failed"));
		recorder.failed(new IllegalStateException("Claude Code CLI exited with code 1"));
		Sentry.flush(5000);

		JsonNode transaction = onlyTransaction();
		assertThat(transaction.at("/contexts/trace/status").asText()).isEqualTo("internal_error");
		assertThat(find(transaction, "invoke_agent general-purpose").get("status").asText())
			.isEqualTo("internal_error");
		List<JsonNode> events = this.server.items("event");
		assertThat(events).hasSize(1);
		JsonNode exception = events.get(0).at("/exception/values").get(0);
		assertThat(exception.get("type").asText()).isEqualTo("IllegalStateException");
		assertThat(exception.at("/mechanism/type").asText()).isEqualTo(ORIGIN);
		assertThat(events.get(0).at("/contexts/trace/span_id").asText())
			.isEqualTo(transaction.at("/contexts/trace/span_id").asText());
	}

	@Test
	void sessionLoadIsAChildSpanOfTheAgentWithTypedCounts() throws IOException {
		ClaudeCodeMessageAdapter adapter = new ClaudeCodeMessageAdapter();
		AgentRunRecorder recorder = this.observations.startRun("prompt", null, null, new SessionCost());
		recorder.sessionLoadStarted("16dcfd66-3edb-4e97-813c-25a11eb88497");
		recorder.sessionLoadFinished(12, 3456, null);
		Transcripts.parse("tool-call.jsonl").forEach((message) -> adapter.record(message, recorder));
		assertThat(recorder.isFinished()).isTrue();
		Sentry.flush(5000);
		JsonNode transaction = onlyTransaction();
		JsonNode load = find(transaction, "claude_code.session_store.load");
		assertThat(load.get("op").asText()).isEqualTo("claude_code.session_store.load");
		assertThat(load.get("parent_span_id").asText()).isEqualTo(transaction.at("/contexts/trace/span_id").asText());
		assertThat(load.get("status").asText()).isEqualTo("ok");
		assertThat(load.at("/data/claude_code.session_store.entries").isIntegralNumber()).isTrue();
		assertThat(load.at("/data/claude_code.session_store.entries").asLong()).isEqualTo(12L);
		assertThat(load.at("/data/claude_code.session_store.bytes").asLong()).isEqualTo(3456L);
		assertThat(load.at("/data/gen_ai.conversation.id").asText()).isEqualTo("16dcfd66-3edb-4e97-813c-25a11eb88497");
		assertThat(load.at("/data").has("error.type")).as("'none' is skipped").isFalse();
	}

	@Test
	void failedSessionLoadIsAFailedSpanAndEndsWithTheRun() throws IOException {
		AgentRunRecorder recorder = this.observations.startRun("prompt", null, null, new SessionCost());
		recorder.sessionLoadStarted("16dcfd66-3edb-4e97-813c-25a11eb88497");
		IllegalStateException failure = new IllegalStateException("database down");
		recorder.sessionLoadFinished(0, 0, failure);
		recorder.failed(failure);
		Sentry.flush(5000);
		JsonNode load = find(onlyTransaction(), "claude_code.session_store.load");
		assertThat(load.get("status").asText()).isEqualTo("internal_error");
		assertThat(load.at("/data/error.type").asText()).isEqualTo("java.lang.IllegalStateException");
	}

	private void replay(String transcript) throws IOException {
		assertThat(Transcripts.replay(this.observations, transcript).isFinished()).isTrue();
		Sentry.flush(5000);
	}

	private JsonNode onlyTransaction() {
		List<JsonNode> transactions = this.server.items("transaction");
		assertThat(transactions).hasSize(1);
		return transactions.get(0);
	}

	private static List<JsonNode> spans(JsonNode transaction) {
		return StreamSupport.stream(transaction.path("spans").spliterator(), false).toList();
	}

	private static JsonNode find(JsonNode transaction, String description) {
		return spans(transaction).stream()
			.filter((span) -> span.get("description").asText().equals(description))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No span " + description + " in " + transaction.get("spans")));
	}

}
