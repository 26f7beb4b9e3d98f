package io.agentobs.claudecode.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.content.ClaudeCodeInputContentObservationFilter;
import io.agentobs.claudecode.content.ClaudeCodeOutputContentObservationFilter;
import io.agentobs.claudecode.instrument.client.ClaudeCodeObservations;
import io.agentobs.claudecode.metrics.AgentCostObservationHandler;
import io.agentobs.claudecode.metrics.ChatMetricsObservationHandler;
import io.agentobs.claudecode.otel.ContextualNameSpanFilter;
import io.agentobs.claudecode.otel.TypedAttributesSpanFilter;
import io.agentobs.claudecode.sentry.SentryAgentObservationHandler;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.exporter.SpanExportingPredicate;
import io.micrometer.tracing.exporter.SpanReporter;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.CompositeSpanExporter;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.sentry.ScopesAdapter;
import io.sentry.Sentry;
import io.sentry.transport.NoOpTransport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole pipeline a user has, per message: a recorded tool-call run with stream events (2
 * chats, 1 tool) parsed line by line, each message handed to the run's arrival listener as the
 * client's reader thread does and then to the consumer; with everything on, the recorder,
 * Micrometer Tracing over the OpenTelemetry SDK (our span filters, a batch processor and a
 * discarding exporter), the Sentry handler (spans and transactions, handed to a transport that
 * sends nothing), the observation timers, the GenAI metrics and the content filters; and each
 * of them alone ({@code observed}: a handler that does nothing, so only the recorder, contexts
 * and conventions work; {@code filters}: that handler and the content filters).
 * {@code everything-content-off} is everything but the content filters, as by default (content
 * recording is off unless enabled).
 * {@code everything-sentry-unsampled} is everything with Sentry's traces sample rate at 0: the
 * same work on our side, without the SDK's capture of each run's transaction.
 * <p>
 * The workload is the run as recorded from the scripted API (23 lines, one delta per content
 * block), {@link StreamedRecording streamed} as the real API sends it (the same run with deltas
 * of 4 characters, about one token: 47 lines) or streamed one character per delta (121 lines,
 * to measure what one more delta costs). Runs follow one another, each started after the last
 * message of the previous one; results are per message ({@link OperationsPerInvocation}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PipelineBenchmark {

	/** Messages per operation: runs carry on from one operation to the next. */
	private static final int MESSAGES = 100;

	private static final String PROMPT = "Run a command.";

	@Param({ "parse-only", "observed", "otel", "sentry", "metrics", "filters", "everything",
			"everything-content-off", "everything-sentry-unsampled" })
	public String pipeline;

	@Param({ "recorded", "streamed", "streamed-per-character" })
	public String workload;

	private ClaudeCodeClient client;

	private SdkTracerProvider tracerProvider;

	private ClaudeCodeRun run;

	private Iterator<ClaudeMessage> messages;

	@Setup
	public void setUp() throws IOException {
		List<String> recorded = lines("partial-messages.jsonl");
		List<String> lines = switch (this.workload) {
			case "recorded" -> recorded;
			case "streamed" -> StreamedRecording.split(recorded, 4);
			case "streamed-per-character" -> StreamedRecording.split(recorded, 1);
			default -> throw new IllegalArgumentException(this.workload);
		};
		ClaudeCodeClient parsing = ReplayClient.parsing(lines);
		this.client = switch (this.pipeline) {
			case "parse-only" -> parsing;
			default -> ClaudeCodeObservations.observe(parsing, registry(this.pipeline), "claude-code");
		};
		assertOneMessagePerLine(lines.size());
		startRun();
	}

	@TearDown
	public void tearDown() {
		this.run.close();
		if (this.tracerProvider != null) {
			this.tracerProvider.close();
		}
		Sentry.close();
	}

	@Benchmark
	@OperationsPerInvocation(MESSAGES)
	public void messages(Blackhole blackhole) {
		for (int i = 0; i < MESSAGES; i++) {
			while (!this.messages.hasNext()) {
				startRun();
			}
			blackhole.consume(this.messages.next());
		}
	}

	private void startRun() {
		if (this.run != null) {
			this.run.close();
		}
		this.run = this.client.query(PROMPT);
		this.messages = this.run.iterator();
	}

	private void assertOneMessagePerLine(int lines) {
		int messages = 0;
		try (ClaudeCodeRun run = this.client.query(PROMPT)) {
			for (ClaudeMessage message : run) {
				messages++;
			}
		}
		if (messages != lines) {
			throw new IllegalStateException("Expected " + lines + " messages per run, got " + messages);
		}
	}

	private ObservationRegistry registry(String backends) {
		boolean everything = backends.startsWith("everything");
		ObservationRegistry registry = ObservationRegistry.create();
		if ("observed".equals(backends) || "filters".equals(backends)) {
			// Observations need a handler to be real: the recorder, conventions and contexts
			registry.observationConfig().observationHandler((context) -> true);
		}
		if (everything || "otel".equals(backends)) {
			otel(registry);
		}
		if (everything || "sentry".equals(backends)) {
			sentry(registry, !"everything-sentry-unsampled".equals(backends));
		}
		if (everything || "metrics".equals(backends)) {
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			registry.observationConfig()
				.observationHandler(new DefaultMeterObservationHandler(meters))
				.observationHandler(new ChatMetricsObservationHandler(meters))
				.observationHandler(new AgentCostObservationHandler(meters));
		}
		if ((everything && !"everything-content-off".equals(backends)) || "filters".equals(backends)) {
			registry.observationConfig()
				.observationFilter(new ClaudeCodeInputContentObservationFilter(20 * 1024))
				.observationFilter(new ClaudeCodeOutputContentObservationFilter(20 * 1024));
		}
		return registry;
	}

	/**
	 * The Sentry handler; unsampled, our handler and the SDK's spans do all their work but the
	 * SDK drops each finished transaction instead of capturing it.
	 */
	private static void sentry(ObservationRegistry registry, boolean sampled) {
		Sentry.init((options) -> {
			// Loopback DSN and a transport that sends nothing: the SDK does all its work but I/O
			options.setDsn("http://key@127.0.0.1:9/0");
			options.setTracesSampleRate(sampled ? 1.0 : 0.0);
			options.setSendClientReports(false);
			options.setTransportFactory((sentryOptions, requestDetails) -> NoOpTransport.getInstance());
		});
		registry.observationConfig().observationHandler(new SentryAgentObservationHandler(ScopesAdapter.getInstance()));
	}

	private void otel(ObservationRegistry registry) {
		this.tracerProvider = SdkTracerProvider.builder()
			.addSpanProcessor(BatchSpanProcessor
				.builder(new CompositeSpanExporter(List.of(new DiscardingSpanExporter()), List.<SpanExportingPredicate>of(),
						List.<SpanReporter>of(), List.of(new ContextualNameSpanFilter(), new TypedAttributesSpanFilter())))
				.build())
			.build();
		io.opentelemetry.api.trace.Tracer otelTracer = this.tracerProvider.get("benchmark");
		OtelCurrentTraceContext currentTraceContext = new OtelCurrentTraceContext();
		OtelTracer tracer = new OtelTracer(otelTracer, currentTraceContext, (event) -> {
		}, new OtelBaggageManager(currentTraceContext, List.of(), List.of()));
		OtelPropagator propagator = new OtelPropagator(ContextPropagators.noop(), otelTracer);
		registry.observationConfig()
			.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
					new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
					new DefaultTracingObservationHandler(tracer)));
	}

	/** The non-blank lines of a recording, copied from the auto-configuration module's test resources. */
	static List<String> lines(String name) throws IOException {
		try (InputStream in = PipelineBenchmark.class.getResourceAsStream("/transcripts/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter((line) -> !line.isBlank())
				.toList();
		}
	}

}
