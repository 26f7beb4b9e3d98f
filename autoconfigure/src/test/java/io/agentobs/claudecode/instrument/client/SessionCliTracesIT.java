package io.agentobs.claudecode.instrument.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.agentobs.claudecode.testsupport.OtlpTraceReceiver.ReceivedSpan;
import io.agentobs.claudecode.testsupport.OtlpTraceReceiver;
import io.agentobs.claudecode.testsupport.ScriptedCli;
import io.agentobs.claudecode.testsupport.TracedRuns;
import io.agentobs.claudecode.tracing.CliTelemetryEnvironmentProvider;
import io.agentobs.claudecode.tracing.TraceContextCliEnvironmentProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A two-turn session with the CLI's own traces on and a process per turn, against the real
 * CLI: the CLI's {@code claude_code.interaction} span of each turn (with its
 * {@code claude_code.llm_request}) nests under that turn's {@code invoke_agent} span, in the
 * same trace.
 */
@Timeout(180)
class SessionCliTracesIT {

	@TempDir
	Path workingDirectory;

	@RegisterExtension
	final HermeticCliEnvironment cliHome = HermeticCliEnvironment.create();

	@RegisterExtension
	final TracedRuns traced = TracedRuns.create();

	@RegisterExtension
	final ScriptedCli cli = ScriptedCli.create();

	private final OtlpTraceReceiver cliSpans = createReceiver();

	@AfterEach
	void stop() {
		this.cliSpans.close();
	}

	@Test
	void theCliSpansOfEachTurnAreUnderThatTurnsSpan() throws Exception {
		ClaudeCodeClient client = client();
		String sessionId;
		try (ClaudeCodeSession session = client.openSession(ClaudeCodeOptions.builder().processPerTurn(true).build())) {
			collect(session.send(Scenario.PLAIN_ANSWER.prompt("Turn one")));
			collect(session.send(Scenario.PLAIN_ANSWER.prompt("Turn two")));
			sessionId = session.sessionId();
		}
		List<SpanData> turns = this.traced.spans("invoke_agent");
		assertThat(turns).hasSize(2);
		List<ReceivedSpan> received = this.cliSpans.awaitSpans(
				(spans) -> named(spans, "claude_code.interaction").size() >= 2
						&& named(spans, "claude_code.llm_request").size() >= 2,
				Duration.ofSeconds(30));
		List<ReceivedSpan> interactions = named(received, "claude_code.interaction");
		assertThat(interactions).hasSize(2);
		for (int turn = 0; turn < 2; turn++) {
			SpanData agent = turns.get(turn);
			ReceivedSpan interaction = interactions.stream()
				.filter((span) -> span.parentSpanId().equals(agent.getSpanId()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No claude_code.interaction under turn " + agent.getName()
						+ " " + agent.getSpanId() + "; interactions' parents: "
						+ interactions.stream().map(ReceivedSpan::parentSpanId).toList()));
			assertThat(interaction.traceId()).isEqualTo(agent.getTraceId());
			assertThat(interaction.attribute("parent.source").getStringValue()).isEqualTo("env");
			assertThat(interaction.attribute("gen_ai.conversation.id").getStringValue()).isEqualTo(sessionId);
			// The turn's span starts before its process does; the CLI ends its interaction span
			// just after it wrote the result that ends ours
			assertThat(interaction.startEpochNanos()).isGreaterThanOrEqualTo(agent.getStartEpochNanos());
			assertThat(named(received, "claude_code.llm_request"))
				.anyMatch((request) -> request.parentSpanId().equals(interaction.spanId()));
		}
		// Both turns are one conversation, the second resumed by its own process
		assertThat(turns).extracting((span) -> span.getAttributes()
			.get(io.opentelemetry.api.common.AttributeKey.stringKey("gen_ai.conversation.id")))
			.containsExactly(sessionId, sessionId);
		assertThat(this.cli.api().calls().get(this.cli.api().calls().size() - 1).request().path("messages").toString())
			.contains("Turn one");
	}

	private ClaudeCodeClient client() {
		ClaudeCodeOptions defaults = this.cli.options(this.cliHome, this.workingDirectory)
			.idleTimeout(Duration.ofSeconds(60))
			.build();
		AgentRunObservations observations = AgentRunObservations.builder(this.traced.registry())
			.cliEnvironmentProviders(List.of(new TraceContextCliEnvironmentProvider(this.traced.propagator()),
					new CliTelemetryEnvironmentProvider(this.cliSpans.endpoint(), "http/protobuf")))
			.build();
		return ClaudeCodeObservations.observe(CliClaudeCodeClient.builder().defaultOptions(defaults).build(),
				observations);
	}

	private static List<ReceivedSpan> named(List<ReceivedSpan> spans, String name) {
		return spans.stream().filter((span) -> span.name().equals(name)).toList();
	}

	private static List<ClaudeMessage> collect(ClaudeCodeRun run) {
		try (run) {
			List<ClaudeMessage> messages = new ArrayList<>();
			run.forEach(messages::add);
			return messages;
		}
	}

	private static OtlpTraceReceiver createReceiver() {
		try {
			return new OtlpTraceReceiver();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
