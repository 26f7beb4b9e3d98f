package io.agentobs.claudecode.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.agentobs.claudecode.actuate.AgentRunRegistry;
import io.agentobs.claudecode.actuate.TracingSpanIds;
import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ClaudeMessageParser;
import io.agentobs.claudecode.instrument.client.ClaudeCodeObservations;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the instrumentation adds to one agent run: the recorded tool-call run with stream events
 * (23 messages: 2 chats, 1 tool) consumed through a client that is not observed, observed with
 * a no-op registry, observed with Micrometer Tracing over the OpenTelemetry SDK (spans
 * created, ended and handed to a discarding exporter), observed by the {@code agentruns}
 * endpoint's registry alone, and by both.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ObservedRunBenchmark {

	@Param({ "plain", "noop", "otel", "agentruns", "otel+agentruns" })
	public String instrumentation;

	private List<ClaudeMessage> messages;

	private ClaudeCodeClient client;

	private DiscardedTracing tracing;

	@Setup
	public void setUp() throws IOException {
		this.messages = transcript("partial-messages.jsonl");
		ClaudeCodeClient replaying = ReplayClient.of(this.messages);
		this.client = switch (this.instrumentation) {
			case "plain" -> replaying;
			case "noop" -> ClaudeCodeObservations.observe(replaying, ObservationRegistry.NOOP, "claude-code");
			case "otel" -> ClaudeCodeObservations.observe(replaying, otelRegistry(), "claude-code");
			case "agentruns" -> ClaudeCodeObservations.observe(replaying, withAgentRuns(ObservationRegistry.create()),
					"claude-code");
			case "otel+agentruns" -> ClaudeCodeObservations.observe(replaying, withAgentRuns(otelRegistry()),
					"claude-code");
			default -> throw new IllegalArgumentException(this.instrumentation);
		};
	}

	@TearDown
	public void tearDown() {
		if (this.tracing != null) {
			this.tracing.close();
		}
	}

	@Benchmark
	public void run(Blackhole blackhole) {
		try (ClaudeCodeRun run = this.client.query("Run a command.")) {
			for (ClaudeMessage message : run) {
				blackhole.consume(message);
			}
		}
	}


	/**
	 * Adds the endpoint's run registry, keeping 50 finished runs of at most 500 steps.
	 */
	private static ObservationRegistry withAgentRuns(ObservationRegistry registry) {
		registry.observationConfig()
			.observationHandler(new AgentRunRegistry(50, 500, false, new TracingSpanIds(), Clock.systemUTC()));
		return registry;
	}

	private static List<ClaudeMessage> transcript(String name) throws IOException {
		try (InputStream in = ObservedRunBenchmark.class.getResourceAsStream("/transcripts/" + name)) {
			ClaudeMessageParser parser = new ClaudeMessageParser();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(parser::parse).toList();
		}
	}

	private ObservationRegistry otelRegistry() {
		this.tracing = new DiscardedTracing();
		return this.tracing.registry();
	}

}
