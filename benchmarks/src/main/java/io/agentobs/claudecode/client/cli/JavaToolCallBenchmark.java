package io.agentobs.claudecode.client.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.benchmarks.DiscardedTracing;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.control.SdkMcpCallContext;
import io.agentobs.claudecode.client.message.ClaudeMessageParser;
import io.agentobs.claudecode.client.message.ControlMessage;
import io.agentobs.claudecode.client.message.Json;
import io.agentobs.claudecode.instrument.tools.ObservedToolCallInterceptor;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.LiveRuns;
import io.agentobs.claudecode.run.SessionCost;
import io.agentobs.claudecode.tools.ClaudeTool;
import io.agentobs.claudecode.tools.JavaToolServer;
import io.agentobs.claudecode.tools.ToolCallInterceptor;
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

/**
 * The latency a Java tool call adds, for a tool that does nothing, as a distribution
 * ({@code SampleTime}: p50, p99). Two paths: {@code server}, the in-process MCP server's
 * handling of a {@code tools/call} JSON-RPC message (the hand-over to the tool's thread, the
 * interceptors, the tool, the result); {@code channel}, the whole control channel on top:
 * the CLI's {@code control_request} line parsed as the reader thread does, handed to a
 * worker, routed to the server, and the {@code control_response} line written. What is not
 * measured: the CLI process itself and the pipes between it and the application. Telemetry
 * {@code plain} runs no interceptor; {@code otel} runs the call in a live agent run with
 * Micrometer Tracing over the OpenTelemetry SDK: the caller's context restored, the call's
 * {@code execute_tool} span started, current during the call and ended.
 * <p>
 * In the client's package, to reach the package-private {@code ControlChannel}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JavaToolCallBenchmark {

	@Param({ "server", "channel" })
	public String path;

	@Param({ "plain", "otel" })
	public String telemetry;

	private final AtomicLong toolUseIds = new AtomicLong();

	private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

	private final ClaudeMessageParser parser = new ClaudeMessageParser();

	private DiscardedTracing tracing;

	private AgentRunRecorder run;

	private JavaToolServer server;

	private ControlChannel channel;

	@Setup
	public void setUp() {
		List<ToolCallInterceptor> interceptors = List.of();
		if ("otel".equals(this.telemetry)) {
			LiveRuns liveRuns = ObservedToolCallInterceptor.liveRuns("app");
			this.run = AgentRunObservations.builder(otelRegistry())
				.liveRuns(liveRuns)
				.build()
				.startRun("prompt", null, "claude-sonnet-4-5", new SessionCost());
			this.run.sessionStarted("session", "claude-sonnet-4-5", List.of("mcp__app__noop"));
			interceptors = List.of(new ObservedToolCallInterceptor(liveRuns));
		}
		ClaudeTool noop = ClaudeTool.of("noop", "Does nothing", "{\"type\":\"object\"}", (input) -> "");
		this.server = new JavaToolServer("app", List.of(noop), Duration.ofSeconds(60), interceptors);
		this.channel = new ControlChannel(this.answers::add, new StreamJsonInput(),
				ClaudeCodeOptions.builder().sdkMcpServers(List.of(this.server)).build(), () -> "session", "benchmark");
	}

	@TearDown
	public void tearDown() {
		this.channel.close();
		this.server.close();
		if (this.run != null) {
			this.run.abandoned();
		}
		if (this.tracing != null) {
			this.tracing.close();
		}
	}

	@Benchmark
	public Object call() throws Exception {
		String toolUseId = "toolu_" + this.toolUseIds.incrementAndGet();
		String message = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"noop\","
				+ "\"arguments\":{},\"_meta\":{\"claudecode/toolUseId\":\"" + toolUseId + "\"}}}";
		if ("server".equals(this.path)) {
			JsonNode request = Json.mapper().readTree(message);
			return this.server.handle(request, new SdkMcpCallContext("session", toolUseId));
		}
		String line = "{\"type\":\"control_request\",\"request_id\":\"" + toolUseId
				+ "\",\"request\":{\"subtype\":\"mcp_message\",\"server_name\":\"app\",\"message\":" + message + "}}";
		this.channel.accept((ControlMessage) this.parser.parse(line));
		return this.answers.take();
	}

	private ObservationRegistry otelRegistry() {
		this.tracing = new DiscardedTracing();
		return this.tracing.registry();
	}

}
