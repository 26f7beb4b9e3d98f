package io.agentobs.claudecode.sentry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.content.ClaudeCodeInputContentObservationFilter;
import io.agentobs.claudecode.content.ClaudeCodeOutputContentObservationFilter;
import io.agentobs.claudecode.content.ContentBudget;
import io.agentobs.claudecode.content.SecretMask;
import io.agentobs.claudecode.observation.ChatOutputPart;
import io.agentobs.claudecode.observation.TokenUsage;
import io.agentobs.claudecode.run.AgentRunEvents.ModelOutput;
import io.agentobs.claudecode.run.AgentRunEvents.ModelResponseEnd;
import io.agentobs.claudecode.run.AgentRunEvents.ModelResponseStart;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallEnd;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallStart;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.AgentRunResult;
import io.agentobs.claudecode.run.SessionCost;
import io.agentobs.claudecode.testsupport.ConventionDefinitions;
import io.agentobs.claudecode.testsupport.SentryEnvelopeServer;
import io.micrometer.observation.ObservationRegistry;
import io.sentry.ScopesAdapter;
import io.sentry.Sentry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run of 100 tool calls with 30 KB outputs each, content recording on, sent to a Sentry
 * ingestion endpoint that rejects what Sentry rejects ({@link SentryEnvelopeServer}): with
 * the default content budget the transaction is accepted and keeps every usage attribute,
 * status and id; without a budget (the attribute limit only) it is rejected whole.
 */
class LargeRunEnvelopeTests {

	private static final int TOOL_CALLS = 100;

	private static final int OUTPUT_LENGTH = 30 * 1024;

	private static final int MAX_ATTRIBUTE_LENGTH = 20 * 1024;

	private static final String MODEL = "claude-sonnet-4-5";

	private SentryEnvelopeServer server;

	@BeforeEach
	void initSentry() throws IOException {
		this.server = new SentryEnvelopeServer();
		this.server.initSentry();
	}

	@AfterEach
	void closeSentry() {
		Sentry.close();
		this.server.close();
	}

	@Test
	void runWithinTheDefaultBudgetIsAcceptedWithEveryUsageAttribute() {
		run(new ContentBudget(64 * 1024, 256 * 1024));
		assertThat(this.server.rejections()).isEmpty();
		// Measured: 467 231 bytes, 90 043 compressed (without a budget: 2 259 664 bytes)
		assertThat(this.server.transactionSizes()).singleElement()
			.satisfies((size) -> assertThat(size[0]).isLessThanOrEqualTo(SentryEnvelopeServer.MAX_EVENT_BYTES));
		List<JsonNode> transactions = this.server.items("transaction");
		assertThat(transactions).hasSize(1);
		JsonNode transaction = transactions.get(0);
		JsonNode agent = transaction.at("/contexts/trace/data");
		assertThat(transaction.at("/contexts/trace/status").asText()).isEqualTo("ok");
		assertThat(agent.get("claude_code.usage.input_tokens").asLong()).isEqualTo(101L * 1500);
		assertThat(agent.get("claude_code.usage.output_tokens").asLong()).isEqualTo(101L * 80);
		assertThat(agent.get("claude_code.usage.cache_read.input_tokens").asLong()).isEqualTo(101L * 1000);
		assertThat(agent.get("claude_code.usage.cache_creation.input_tokens").asLong()).isEqualTo(101L * 100);
		assertThat(agent.get("gen_ai.cost.total_tokens").asDouble()).isEqualTo(1.25);
		assertThat(agent.get("gen_ai.output.messages").asText()).contains("All 100 steps done.");
		assertThat(agent.get("gen_ai.input.messages").asText()).contains("Run the 100 steps.");
		List<JsonNode> spans = StreamSupport.stream(transaction.path("spans").spliterator(), false).toList();
		List<JsonNode> chats = spans.stream().filter((span) -> span.get("op").asText().equals("gen_ai.chat")).toList();
		List<JsonNode> tools = spans.stream()
			.filter((span) -> span.get("op").asText().equals("gen_ai.execute_tool"))
			.toList();
		assertThat(chats).hasSize(TOOL_CALLS + 1).allSatisfy((chat) -> {
			JsonNode data = chat.get("data");
			assertThat(chat.get("status").asText()).isEqualTo("ok");
			assertThat(data.get("gen_ai.response.id").asText()).startsWith("msg_");
			assertThat(data.get("gen_ai.usage.input_tokens").asLong()).isEqualTo(1500L);
			assertThat(data.get("gen_ai.usage.output_tokens").asLong()).isEqualTo(80L);
			assertThat(data.get("gen_ai.usage.total_tokens").asLong()).isEqualTo(1580L);
			assertThat(data.get("gen_ai.usage.cache_read.input_tokens").asLong()).isEqualTo(1000L);
			assertThat(data.get("gen_ai.usage.cache_creation.input_tokens").asLong()).isEqualTo(100L);
			assertThat(data.has("gen_ai.output.messages")).isTrue();
		});
		assertThat(tools).hasSize(TOOL_CALLS).allSatisfy((tool) -> {
			assertThat(tool.get("status").asText()).isEqualTo("ok");
			assertThat(tool.at("/data/gen_ai.tool.call.id").asText()).startsWith("toolu_");
			assertThat(tool.at("/data/gen_ai.tool.call.result").asText()).isNotEmpty();
		});
		List<JsonNode> data = new ArrayList<>();
		data.add(agent);
		spans.forEach((span) -> data.add(span.get("data")));
		for (JsonNode spanData : data) {
			for (String key : ConventionDefinitions.schemaKeys()) {
				if (spanData.has(key)) {
					assertThat(ConventionDefinitions.validate(key, spanData.get(key).asText()))
						.as("%s after truncation", key)
						.isEmpty();
				}
			}
		}
	}

	@Test
	void runWithoutABudgetIsRejectedWhole() {
		run(ContentBudget.NONE);
		assertThat(this.server.rejections()).singleElement().asString().startsWith("transaction of ");
		assertThat(this.server.items("transaction")).isEmpty();
	}

	private void run(ContentBudget budget) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationFilter(new ClaudeCodeInputContentObservationFilter(MAX_ATTRIBUTE_LENGTH, SecretMask.NONE, budget))
			.observationFilter(new ClaudeCodeOutputContentObservationFilter(MAX_ATTRIBUTE_LENGTH, SecretMask.NONE, budget))
			.observationHandler(new SentryAgentObservationHandler(ScopesAdapter.getInstance()));
		AgentRunObservations observations = AgentRunObservations.builder(registry).build();
		AgentRunRecorder recorder = observations.startRun("Run the 100 steps.", "You are a careful agent.", MODEL,
				new SessionCost());
		recorder.sessionStarted("session-large", MODEL, List.of("Bash", "Read"));
		Random random = new Random(19);
		for (int i = 0; i < TOOL_CALLS; i++) {
			String toolUseId = "toolu_" + i;
			String arguments = "{\"command\":\"cat step-" + i + ".log\"}";
			modelCall(recorder, "msg_" + i, "tool_use",
					List.of(new ChatOutputPart.Text("Step " + i + ": reading its log."),
							new ChatOutputPart.ToolCall(toolUseId, "Bash", arguments)));
			recorder.toolCallStarted(new ToolCallStart(null, toolUseId, "Bash", arguments, null));
			recorder.toolCallFinished(new ToolCallEnd(null, toolUseId, false, output(random)));
		}
		modelCall(recorder, "msg_final", "end_turn", List.of(new ChatOutputPart.Text("All 100 steps done.")));
		recorder.contextWindowsReported(Map.of(MODEL, 200_000L));
		recorder.finished(new AgentRunResult("success", false, TOOL_CALLS + 1, 60_000L, 1.25,
				new TokenUsage(101L * 1500, 101L * 80, 101L * 1000, 101L * 100), "completed", 0, null,
				"All 100 steps done.", List.of()));
		assertThat(recorder.isFinished()).isTrue();
		Sentry.flush(10_000);
	}

	private static void modelCall(AgentRunRecorder recorder, String messageId, String stopReason,
			List<ChatOutputPart> parts) {
		TokenUsage inputSide = new TokenUsage(1500L, null, 1000L, 100L);
		recorder.modelRequested(null);
		recorder.modelResponseStarted(new ModelResponseStart(null, messageId, MODEL, inputSide));
		recorder.modelOutput(new ModelOutput(null, null, messageId, MODEL, inputSide, parts, null));
		recorder.modelResponseFinished(
				new ModelResponseEnd(null, messageId, stopReason, new TokenUsage(1500L, 80L, 1000L, 100L)));
	}

	/** 30 KB of log-like lines, words drawn at random so that they compress like real output. */
	private static String output(Random random) {
		String[] words = { "INFO", "DEBUG", "request", "served", "in", "ms", "user", "cache", "miss", "hit", "GET",
				"/api/orders", "POST", "status=200", "status=404", "retry", "connection", "pool", "size", "worker" };
		StringBuilder output = new StringBuilder(OUTPUT_LENGTH + 64);
		while (output.length() < OUTPUT_LENGTH) {
			output.append(random.nextInt(100_000)).append(' ');
			for (int word = 0; word < 8; word++) {
				output.append(words[random.nextInt(words.length)]).append(' ');
			}
			output.append(Integer.toHexString(random.nextInt())).append('\n');
		}
		return output.substring(0, OUTPUT_LENGTH);
	}

}
