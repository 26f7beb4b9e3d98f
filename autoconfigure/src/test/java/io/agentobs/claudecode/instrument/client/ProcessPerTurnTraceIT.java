package io.agentobs.claudecode.instrument.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.scripted.ScriptedAnthropicApi;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.agentobs.claudecode.testsupport.OtlpTraceReceiver;
import io.agentobs.claudecode.testsupport.OtlpTraceReceiver.ReceivedSpan;
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
 * The real CLI's own spans in a session with a process per turn: each turn's
 * {@code claude_code.interaction} span is a child of that turn's {@code invoke_agent} span,
 * as the CLI reads its trace context once per process.
 */
@Timeout(180)
class ProcessPerTurnTraceIT {

	@TempDir
	Path workingDirectory;

	@RegisterExtension
	final HermeticCliEnvironment cliHome = HermeticCliEnvironment.create();

	@RegisterExtension
	final TracedRuns traced = TracedRuns.create();

	private final ScriptedAnthropicApi api = ScriptedAnthropicApi.start();

	private final OtlpTraceReceiver otlp;

	ProcessPerTurnTraceIT() throws Exception {
		this.otlp = new OtlpTraceReceiver();
	}

	@AfterEach
	void stop() {
		this.otlp.close();
		this.api.close();
	}

	@Test
	void everyTurnsCliSpansAreChildrenOfThatTurnsAgentSpan() throws Exception {
		Map<String, String> environment = this.cliHome.environment(this.api.cliEnvironment());
		ClaudeCodeOptions options = ClaudeCodeOptions.builder()
			.model("claude-sonnet-4-5")
			.workingDirectory(this.workingDirectory)
			.environment(environment)
			.idleTimeout(Duration.ofSeconds(60))
			.processPerTurn(true)
			.build();
		AgentRunObservations observations = AgentRunObservations.builder(this.traced.registry())
			.cliEnvironmentProviders(List.of(new TraceContextCliEnvironmentProvider(this.traced.propagator()),
					new CliTelemetryEnvironmentProvider(this.otlp.endpoint(), "http/protobuf")))
			.build();
		ClaudeCodeClient client = ClaudeCodeObservations
			.observe(CliClaudeCodeClient.builder().defaultOptions(options).build(), observations);
		try (ClaudeCodeSession session = client.openSession()) {
			session.send(Scenario.PLAIN_ANSWER.prompt("Remember the word pineapple")).awaitResult();
			session.send(Scenario.PLAIN_ANSWER.prompt("Which word was it?")).awaitResult();
		}
		List<ReceivedSpan> interactions = interactions(
				this.otlp.awaitSpans((spans) -> interactions(spans).size() >= 2, Duration.ofSeconds(30)));
		List<SpanData> agents = this.traced.spans("invoke_agent");
		assertThat(agents).hasSize(2);
		assertThat(interactions).hasSize(2);
		for (int turn = 0; turn < 2; turn++) {
			SpanData agent = agents.get(turn);
			assertThat(interactions).as("turn %d", turn + 1)
				.filteredOn((span) -> span.parentSpanId().equals(agent.getSpanId()))
				.singleElement()
				.satisfies((span) -> assertThat(span.traceId()).isEqualTo(agent.getTraceId()));
		}
	}

	private static List<ReceivedSpan> interactions(List<ReceivedSpan> spans) {
		return spans.stream().filter((span) -> span.name().equals("claude_code.interaction")).toList();
	}

}
