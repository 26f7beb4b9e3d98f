package io.agentobs.claudecode.instrument.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeMessageListener;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.message.AssistantMessage;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.client.message.StreamEventMessage;
import io.agentobs.claudecode.client.message.SystemMessage;
import io.agentobs.claudecode.client.message.UserMessage;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.scripted.ScriptedAnthropicApi;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.agentobs.claudecode.testsupport.ScriptedCli;
import io.agentobs.claudecode.testsupport.TracedRuns;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * End to end with the real Claude Code CLI: the agent's timeline as OpenTelemetry spans. Model
 * calls include the wait for the first token, durations do not depend on the consumer, a
 * background subagent belongs to its run, failed and retried calls are error chats, and a
 * slow Bash task stays a tool call.
 */
class TimelineIT {

	private static final Duration FIRST_EVENT_DELAY = Duration.ofMillis(1500);

	@RegisterExtension
	static final ScriptedCli cli = ScriptedCli
		.create(() -> ScriptedAnthropicApi.builder().firstEventDelay(FIRST_EVENT_DELAY).start());

	@TempDir
	Path workingDirectory;

	@RegisterExtension
	final HermeticCliEnvironment cliHome = HermeticCliEnvironment.create();

	@RegisterExtension
	final TracedRuns traced = TracedRuns.create();

	@Test
	void chatSpanCoversTheWaitForTheFirstToken() {
		run(client(), Scenario.FIRST_EVENT_DELAY, Duration.ZERO);
		assertThat(this.traced.tree()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				  chat claude-sonnet-4-5
				""");
		for (SpanData chat : spans("chat ")) {
			assertThat(millis(chat)).as("chat lasts at least the scripted delay").isGreaterThanOrEqualTo(1500);
			Double timeToFirstChunk = chat.getAttributes()
				.get(AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk"));
			assertThat(timeToFirstChunk).isBetween(1.5, 1.5 + 2.0);
			assertThat(millis(chat) / 1000.0).isGreaterThanOrEqualTo(timeToFirstChunk);
		}
	}

	@Test
	void durationsDoNotDependOnHowFastTheConsumerReads() {
		// A first run warms up the JVM, the scripted API and the CLI's caches
		run(client(), Scenario.TOOL_CALL, Duration.ZERO);
		this.traced.reset();
		run(client(), Scenario.TOOL_CALL, Duration.ZERO);
		List<SpanData> fast = new ArrayList<>(this.traced.spans());
		this.traced.reset();
		List<Long> toolUseAndResultNanos = new CopyOnWriteArrayList<>();
		List<Long> requestAndLastTokenNanos = new CopyOnWriteArrayList<>();
		ClaudeMessageListener arrivals = (message) -> {
			long now = System.nanoTime();
			if ((message instanceof AssistantMessage assistant && !assistant.toolUses().isEmpty())
					|| (message instanceof UserMessage user && !user.toolResults().isEmpty())) {
				toolUseAndResultNanos.add(now);
			}
			else if ((message instanceof SystemMessage system && "requesting".equals(system.field("status")))
					|| (message instanceof StreamEventMessage event && event.messageDelta().isPresent())) {
				requestAndLastTokenNanos.add(now);
			}
		};
		run(client(ClaudeCodeOptions.builder().messageListener(arrivals).build()), Scenario.TOOL_CALL,
				Duration.ofMillis(300));
		List<SpanData> slow = new ArrayList<>(this.traced.spans());
		assertThat(millis(byStart(slow, "execute_tool Bash").get(0)))
			.as("the tool span lasts from the arrival of its tool_use to that of its tool_result")
			.isCloseTo(millisBetween(toolUseAndResultNanos, 0), within(50L));
		List<SpanData> slowChats = byStart(slow, "chat ");
		assertThat(slowChats).hasSize(2);
		for (int i = 0; i < slowChats.size(); i++) {
			assertThat(millis(slowChats.get(i)))
				.as("chat #%d lasts from the arrival of its request to that of its last token", i)
				.isCloseTo(millisBetween(requestAndLastTokenNanos, 2 * i), within(50L));
		}
		// Against a fast consumer, within the 250 ms (the CLI's own variance between two
		// runs is tens of ms here); observing at the consumer's pace added 300 ms per message
		for (String name : List.of("chat ", "execute_tool Bash")) {
			List<SpanData> fastSpans = byStart(fast, name);
			List<SpanData> slowSpans = byStart(slow, name);
			assertThat(slowSpans).hasSameSizeAs(fastSpans);
			for (int i = 0; i < fastSpans.size(); i++) {
				assertThat(Math.abs(millis(slowSpans.get(i)) - millis(fastSpans.get(i))))
					.as("%s#%d with a consumer sleeping 300 ms per message: %d ms, fast consumer: %d ms", name, i,
							millis(slowSpans.get(i)), millis(fastSpans.get(i)))
					.isLessThan(250);
			}
		}
	}

	private ClaudeCodeClient clientWithRetries(int maxRetries) {
		return client(ClaudeCodeOptions.builder()
			.environmentVariable("CLAUDE_CODE_MAX_RETRIES", String.valueOf(maxRetries))
			.build());
	}

	/**
	 * Each chat after the first, the retry of the one before, starts the back-off of the run's
	 * matching {@code api_retry} line after that chat ended (timer and CLI jitter allowed).
	 */
	private static void assertEachRetryStartsAfterItsBackOff(List<SpanData> chats, List<ClaudeMessage> messages,
			int retries) {
		List<Long> backOffMillis = messages.stream()
			.filter((message) -> message instanceof SystemMessage system && "api_retry".equals(system.subtype()))
			.map((retry) -> ((SystemMessage) retry).raw().path("retry_delay_ms").asLong())
			.toList();
		assertThat(backOffMillis).hasSize(retries).allSatisfy((delay) -> assertThat(delay).isPositive());
		assertThat(chats).hasSize(retries + 1);
		for (int i = 1; i < chats.size(); i++) {
			long backOff = backOffMillis.get(i - 1);
			assertThat(gapMillis(chats.get(i - 1), chats.get(i)))
				.as("between failed attempt %d and its retry (back-off %d ms)", i, backOff)
				.isBetween(backOff - 50, backOff + 500);
		}
	}

	private static long gapMillis(SpanData before, SpanData after) {
		return (after.getStartEpochNanos() - before.getEndEpochNanos()) / 1_000_000;
	}

	private static long millisBetween(List<Long> nanos, int first) {
		return (nanos.get(first + 1) - nanos.get(first)) / 1_000_000;
	}

	@Test
	void backgroundSubagentBelongsToItsRunAndTheConsumerGetsBothResults() {
		ClaudeCodeClient client = client();
		List<ClaudeMessage> messages = run(client, Scenario.BACKGROUND_SUBAGENT, Duration.ZERO);
		assertThat(messages.stream().filter(ResultMessage.class::isInstance)).hasSize(2);
		assertThat(this.traced.tree()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Agent
				    invoke_agent general-purpose
				      chat claude-sonnet-4-5
				      execute_tool Bash
				      chat claude-sonnet-4-5
				  chat claude-sonnet-4-5
				  chat claude-sonnet-4-5
				""");
		SpanData agent = spans("invoke_agent claude-code").get(0);
		assertThat(this.traced.spans())
			.allSatisfy((span) -> assertThat(span.getEndEpochNanos()).isLessThanOrEqualTo(agent.getEndEpochNanos()));
		ResultMessage last = (ResultMessage) messages.get(messages.size() - 1);
		try (ClaudeCodeRun run = client.query(Scenario.BACKGROUND_SUBAGENT.prompt("Do the task."))) {
			assertThat(run.awaitResult().numTurns()).as("awaitResult returns the final result")
				.isEqualTo(last.numTurns())
				.isEqualTo(1);
		}
	}

	@Test
	void cutStreamIsAnErrorChatAndTheRetryHasItsFinalTokens() {
		run(client(), Scenario.STREAM_ERROR, Duration.ZERO);
		assertThat(this.traced.tree()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  chat claude-sonnet-4-5
				""");
		List<SpanData> chats = spans("chat ");
		assertThat(chats.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(chats.get(0).getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("stream_error");
		assertThat(chats.get(1).getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
		assertThat(chats.get(1).getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens"))).isEqualTo(20L);
		assertThat(chats.get(1).getAttributes().get(AttributeKey.stringKey("gen_ai.response.finish_reasons")))
			.isEqualTo("[\"end_turn\"]");
	}

	@Test
	void streamWhoseConnectionEndsIsOneErrorChatAndTheRetryHasItsFinalTokens() {
		// No error event: the CLI writes message_stop with abandoned_blocks and an api_retry for
		// the same attempt, then streams the retry
		List<ClaudeMessage> messages = run(clientWithRetries(3), Scenario.STREAM_CUT, Duration.ZERO);
		assertThat(this.traced.tree()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  chat claude-sonnet-4-5
				""");
		List<SpanData> chats = spans("chat ");
		assertThat(chats).extracting((chat) -> chat.getAttributes().get(AttributeKey.stringKey("error.type")))
			.containsExactly("stream_error", null);
		assertThat(chats.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertEachRetryStartsAfterItsBackOff(chats, messages, 1);
		assertThat(chats.get(1).getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens"))).isEqualTo(20L);
		assertThat(chats.get(1).getAttributes().get(AttributeKey.stringKey("gen_ai.response.finish_reasons")))
			.isEqualTo("[\"end_turn\"]");
		assertThat(spans("invoke_agent").get(0).getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
	}

	@Test
	void everyRetriedHttpErrorIsAnErrorChatAndEachRetryStartsAfterTheCliBacksOff() {
		List<ClaudeMessage> messages = run(clientWithRetries(3), Scenario.RETRIED_ERRORS, Duration.ZERO);
		List<SpanData> chats = spans("chat ");
		assertThat(chats).extracting((chat) -> chat.getAttributes().get(AttributeKey.stringKey("error.type")))
			.containsExactly("500", "529", null);
		assertThat(chats.get(2).getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens"))).isEqualTo(20L);
		assertEachRetryStartsAfterItsBackOff(chats, messages, 2);
		assertThat(spans("invoke_agent").get(0).getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
	}

	@Test
	void retriesThatAllFailAreOneErrorChatPerAttemptEachAfterItsBackOff() {
		List<ClaudeMessage> messages = run(clientWithRetries(2), Scenario.HTTP_529, Duration.ZERO);
		List<SpanData> chats = spans("chat ");
		assertThat(chats).extracting((chat) -> chat.getAttributes().get(AttributeKey.stringKey("error.type")))
			.containsExactly("529", "529", "529");
		assertThat(chats).allSatisfy((chat) -> assertThat(chat.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));
		assertEachRetryStartsAfterItsBackOff(chats, messages, 2);
		assertThat(spans("invoke_agent").get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
	}

	@Test
	void slowBashTaskIsAToolSpanNotASubagent() {
		run(client(), Scenario.SLOW_BASH, Duration.ZERO);
		assertThat(this.traced.tree()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				  chat claude-sonnet-4-5
				""");
		assertThat(millis(spans("execute_tool Bash").get(0))).isGreaterThanOrEqualTo(4000);
	}

	private ClaudeCodeClient client() {
		return client(ClaudeCodeOptions.empty());
	}

	private ClaudeCodeClient client(ClaudeCodeOptions overrides) {
		ClaudeCodeOptions defaults = cli.options(this.cliHome, this.workingDirectory)
			.environmentVariable("CLAUDE_CODE_MAX_RETRIES", "0")
			.allowedTools(List.of("Bash", "Agent", "Task"))
			.runTimeout(Duration.ofSeconds(90))
			.build()
			.merge(overrides);
		AgentRunObservations observations = AgentRunObservations.builder(this.traced.registry()).build();
		return ClaudeCodeObservations.observe(CliClaudeCodeClient.builder().defaultOptions(defaults).build(), observations);
	}

	private static List<ClaudeMessage> run(ClaudeCodeClient client, Scenario scenario, Duration pausePerMessage) {
		List<ClaudeMessage> messages = new ArrayList<>();
		try (ClaudeCodeRun run = client.query(scenario.prompt("Do the task."))) {
			for (ClaudeMessage message : run) {
				messages.add(message);
				pause(pausePerMessage);
			}
		}
		return messages;
	}

	private static void pause(Duration pause) {
		if (pause.isZero()) {
			return;
		}
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}


	private List<SpanData> spans(String namePrefix) {
		return byStart(this.traced.spans(), namePrefix);
	}

	private static List<SpanData> byStart(List<SpanData> spans, String namePrefix) {
		return spans.stream()
			.filter((span) -> span.getName().startsWith(namePrefix))
			.sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
			.toList();
	}

	private static long millis(SpanData span) {
		return (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1_000_000;
	}

}
