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
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
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

	private SdkTracerProvider tracerProvider;

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
		if (this.tracerProvider != null) {
			this.tracerProvider.close();
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

	private ObservationRegistry otelRegistry() {
		this.tracerProvider = SdkTracerProvider.builder()
			.addSpanProcessor(SimpleSpanProcessor.create(new DiscardingSpanExporter()))
			.build();
		io.opentelemetry.api.trace.Tracer otelTracer = this.tracerProvider.get("benchmark");
		OtelCurrentTraceContext currentTraceContext = new OtelCurrentTraceContext();
		OtelTracer tracer = new OtelTracer(otelTracer, currentTraceContext, (event) -> {
		}, new OtelBaggageManager(currentTraceContext, List.of(), List.of()));
		OtelPropagator propagator = new OtelPropagator(ContextPropagators.noop(), otelTracer);
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
					new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
					new DefaultTracingObservationHandler(tracer)));
		return registry;
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

}
