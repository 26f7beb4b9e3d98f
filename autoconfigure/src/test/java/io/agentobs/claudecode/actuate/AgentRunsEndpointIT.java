package io.agentobs.claudecode.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.scripted.ScriptedAnthropicApi;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springaicommunity.claude.agent.sdk.ClaudeClient;
import org.springaicommunity.claude.agent.sdk.ClaudeSyncClient;
import org.springaicommunity.claude.agent.sdk.config.PermissionMode;
import org.springaicommunity.claude.agent.sdk.transport.CLIOptions;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code agentruns} endpoint over real HTTP, in a Boot application whose agent runs the
 * real Claude Code CLI on a slow tool call ({@link Scenario#SLOW_TOOL}, {@code sleep 8}).
 */
@Timeout(180)
class AgentRunsEndpointIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String PROMPT = Scenario.SLOW_TOOL.prompt("Run a slow command.");

	private static ScriptedAnthropicApi api;

	private static HermeticCliEnvironment cliHome;

	@TempDir
	static Path workingDirectory;

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = new ObjectMapper();

	private ConfigurableApplicationContext context;

	@BeforeAll
	static void startApi() {
		api = ScriptedAnthropicApi.start();
		cliHome = HermeticCliEnvironment.create();
	}

	@AfterAll
	static void stopApi() {
		api.close();
		cliHome.close();
	}

	@AfterEach
	void closeApplication() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void endpointShowsTheRunAndItsCurrentToolWhileItRunsThenTheFinishedRun() throws Exception {
		start("management.endpoints.web.exposure.include=agentruns");
		CompletableFuture<ResultMessage> result = runAgent();
		// The tool starts at the model's tool_use, a moment before the call's final numbers
		// (message_delta) give its output tokens
		JsonNode running = awaitRunning((run) -> "Bash".equals(run.path("currentTool").asText(null))
				&& run.path("tokens").path("output").asLong() > 0);
		String id = running.get("id").asText();
		assertThat(running.get("agentName").asText()).isEqualTo("claude-code");
		assertThat(running.get("state").asText()).isEqualTo("running_tool");
		assertThat(running.get("sessionId").asText()).isNotBlank();
		assertThat(running.get("traceId").asText()).matches("[0-9a-f]{32}");
		assertThat(running.get("spanId").asText()).matches("[0-9a-f]{16}");
		assertThat(running.get("model").asText()).isEqualTo("claude-sonnet-4-5");
		assertThat(running.get("modelCalls").asInt()).isEqualTo(1);
		assertThat(running.get("toolCalls").asInt()).isEqualTo(1);
		assertThat(running.get("tokens").get("input").asLong()).isPositive();
		assertThat(running.get("tokens").get("output").asLong()).isPositive();
		assertThat(running.get("interruptible").asBoolean()).isTrue();
		assertThat(running.get("prompt").asText()).as("recorded, not shown").isEqualTo("******");
		assertThat(running.has("outcome")).isFalse();
		MeterRegistry meters = this.context.getBean(MeterRegistry.class);
		assertThat(meters.get("claude_code.runs.active").tag("gen_ai.agent.name", "claude-code").gauge().value())
			.isEqualTo(1.0);
		LongTaskTimer active = meters.get("gen_ai.invoke_agent.active").longTaskTimer();
		assertThat(active.activeTasks()).isEqualTo(1);

		JsonNode timeline = get("/actuator/agentruns/" + id, 200);
		assertThat(timeline.get("steps")).hasSize(2);
		assertThat(timeline.get("steps").get(0).get("kind").asText()).isEqualTo("model_call");
		assertThat(timeline.get("steps").get(0).get("status").asText()).isEqualTo("ok");
		assertThat(timeline.get("steps").get(0).get("tokens").get("output").asLong()).isPositive();
		JsonNode tool = timeline.get("steps").get(1);
		assertThat(tool.get("kind").asText()).isEqualTo("tool_call");
		assertThat(tool.get("name").asText()).isEqualTo("Bash");
		assertThat(tool.get("status").asText()).isEqualTo("running");

		assertThat(result.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).subtype()).isEqualTo("success");
		JsonNode runs = get("/actuator/agentruns", 200);
		assertThat(runs.get("running")).isEmpty();
		JsonNode finished = runs.get("recent").get(0);
		assertThat(finished.get("id").asText()).isEqualTo(id);
		assertThat(finished.get("state").asText()).isEqualTo("finished");
		assertThat(finished.get("outcome").asText()).isEqualTo("success");
		assertThat(finished.get("modelCalls").asInt()).isEqualTo(2);
		assertThat(finished.get("costUsd").asDouble()).isPositive();
		assertThat(finished.get("elapsedMs").asLong()).isGreaterThanOrEqualTo(8000);
		assertThat(finished.get("traceId").asText()).isEqualTo(running.get("traceId").asText());
		assertThat(get("/actuator/agentruns/" + id, 200).get("steps")).extracting((step) -> step.get("status").asText())
			.containsOnly("ok");
		SpanData agent = agentSpan();
		assertThat(agent.getTraceId()).isEqualTo(running.get("traceId").asText());
		assertThat(agent.getSpanId()).isEqualTo(running.get("spanId").asText());
		assertThat(meters.get("claude_code.runs.active").gauge().value()).isZero();
		assertThat(active.activeTasks()).isZero();
	}

	@Test
	void deleteInterruptsTheRunWithinTwoSecondsAndItsSpanEndsInterrupted() throws Exception {
		start("management.endpoints.web.exposure.include=agentruns");
		CompletableFuture<ResultMessage> result = runAgent();
		JsonNode running = awaitRunning((run) -> "Bash".equals(run.path("currentTool").asText(null)));
		String id = running.get("id").asText();
		long start = System.nanoTime();
		HttpResponse<String> response = send("DELETE", "/actuator/agentruns/" + id);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		System.out.println("DELETE /actuator/agentruns/{id} took " + took.toMillis() + " ms");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode interrupted = this.json.readTree(response.body());
		assertThat(interrupted.get("state").asText()).isEqualTo("finished");
		assertThat(interrupted.get("outcome").asText()).isEqualTo("interrupted");
		// Interrupt, and close after interrupt-timeout (1s) when the CLI is slower: at most 2s
		// plus the machine's load; the Bash call still had about 7 seconds to sleep.
		assertThat(took).isLessThan(Duration.ofSeconds(3));
		try {
			result.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			// the consumer may see the closed run fail; what matters is that it ends
		}
		assertThat(get("/actuator/agentruns", 200).get("running")).isEmpty();
		SpanData agent = agentSpan();
		assertThat(agent.getSpanId()).isEqualTo(running.get("spanId").asText());
		assertThat(agent.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(agent.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("interrupted");
		assertThat(spans()).filteredOn((span) -> span.getName().equals("execute_tool Bash"))
			.singleElement()
			.satisfies((bash) -> assertThat(bash.getParentSpanId()).isEqualTo(agent.getSpanId()));
	}

	@Test
	void interruptAloneEndsTheRunWithTheCliResultMarkedInterrupted() throws Exception {
		start("management.endpoints.web.exposure.include=agentruns",
				"management.endpoint.agentruns.interrupt-timeout=30s");
		CompletableFuture<ResultMessage> result = runAgent();
		String id = awaitRunning((run) -> "Bash".equals(run.path("currentTool").asText(null))).get("id").asText();
		long start = System.nanoTime();
		JsonNode interrupted = this.json.readTree(send("DELETE", "/actuator/agentruns/" + id).body());
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		System.out.println("DELETE ended by the interrupt alone took " + took.toMillis() + " ms");
		assertThat(interrupted.get("outcome").asText()).isEqualTo("interrupted");
		assertThat(took).as("shorter than the rest of the sleep: the CLI stopped the tool")
			.isLessThan(Duration.ofSeconds(5));
		// The consumer gets the CLI's own result of the interrupted turn
		assertThat(result.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).subtype()).isEqualTo("error_during_execution");
		SpanData agent = agentSpan();
		assertThat(agent.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("interrupted");
		assertThat(agent.getAttributes().get(AttributeKey.stringKey("claude_code.result.subtype")))
			.isEqualTo("error_during_execution");
	}

	@Test
	void runOfAnSdkClientIsShownAndInterrupted() throws Exception {
		start(new Class<?>[] { AgentApplication.class, SdkClientConfiguration.class },
				"management.endpoints.web.exposure.include=agentruns");
		ClaudeSyncClient client = this.context.getBean(ClaudeSyncClient.class);
		CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> client.connectText(PROMPT));
		JsonNode running = awaitRunning((run) -> "Bash".equals(run.path("currentTool").asText(null)));
		assertThat(running.get("sessionId").asText()).isNotBlank();
		assertThat(running.get("model").asText()).isEqualTo("claude-sonnet-4-5");
		assertThat(running.get("modelCalls").asInt()).isEqualTo(1);
		assertThat(running.get("interruptible").asBoolean()).isTrue();
		long start = System.nanoTime();
		JsonNode interrupted = this.json.readTree(send("DELETE", "/actuator/agentruns/" + running.get("id").asText()).body());
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		System.out.println("DELETE of an SDK run took " + took.toMillis() + " ms");
		assertThat(interrupted.get("outcome").asText()).isEqualTo("interrupted");
		assertThat(took).isLessThan(Duration.ofSeconds(3));
		try {
			result.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			// the consumer may see the closed client fail; what matters is that it ends
		}
		finally {
			client.close();
		}
		SpanData agent = agentSpan();
		assertThat(agent.getSpanId()).isEqualTo(running.get("spanId").asText());
		assertThat(agent.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("interrupted");
	}

	@Test
	void readOnlyAccessRejectsDelete() throws Exception {
		start("management.endpoints.web.exposure.include=agentruns", "management.endpoint.agentruns.access=read-only");
		CompletableFuture<ResultMessage> result = runAgent();
		String id = awaitRunning((run) -> true).get("id").asText();
		assertThat(send("DELETE", "/actuator/agentruns/" + id).statusCode()).isEqualTo(405);
		assertThat(get("/actuator/agentruns/" + id, 200).get("state").asText()).isNotEqualTo("finished");
		assertThat(result.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).subtype()).isEqualTo("success");
	}

	@Test
	void endpointIsNotExposedOverHttpUnlessIncluded() throws Exception {
		start("management.endpoints.web.exposure.include=health");
		assertThat(send("GET", "/actuator/agentruns").statusCode()).isEqualTo(404);
		assertThat(send("GET", "/actuator/health").statusCode()).isEqualTo(200);
	}

	private void start(String... properties) {
		start(new Class<?>[] { AgentApplication.class }, properties);
	}

	private void start(Class<?>[] sources, String... properties) {
		this.context = new SpringApplicationBuilder(sources)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
					"management.tracing.sampling.probability=1.0", "sentry.claude-code.record-inputs=true",
					// Zipkin's exporter is on the test class path: export nowhere (Boot 3.5 and 4 names)
					"management.zipkin.tracing.export.enabled=false", "management.tracing.export.zipkin.enabled=false")
			.properties(properties)
			.run();
	}

	private CompletableFuture<ResultMessage> runAgent() {
		ClaudeCodeClient client = this.context.getBean(ClaudeCodeClient.class);
		return CompletableFuture.supplyAsync(() -> client.query(PROMPT).awaitResult());
	}

	private JsonNode awaitRunning(Predicate<JsonNode> condition) throws Exception {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			for (JsonNode run : get("/actuator/agentruns", 200).get("running")) {
				if (condition.test(run)) {
					return run;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No running agent run matched within " + TIMEOUT);
	}

	private JsonNode get(String path, int expectedStatus) throws IOException, InterruptedException {
		HttpResponse<String> response = send("GET", path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
		// The environment's port rather than WebServerApplicationContext, whose package differs
		// between Boot lines
		int port = this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.timeout(TIMEOUT)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The run's span; the endpoint may answer a moment before the tracing handler has ended it.
	 */
	private SpanData agentSpan() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (true) {
			Optional<SpanData> agent = spans().stream()
				.filter((span) -> span.getName().equals("invoke_agent claude-code"))
				.findFirst();
			if (agent.isPresent() || System.nanoTime() > deadline) {
				return agent.orElseThrow();
			}
			Thread.sleep(50);
		}
	}

	private List<SpanData> spans() {
		assertThat(this.context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS).isSuccess())
			.isTrue();
		return this.context.getBean(InMemorySpanExporter.class).getFinishedSpanItems();
	}

	@Configuration(proxyBeanMethods = false)
	static class SdkClientConfiguration {

		@Bean
		ClaudeSyncClient claudeSyncClient() {
			return ClaudeClient.sync(CLIOptions.builder()
				.model("claude-sonnet-4-5")
				.allowedTools(List.of("Bash"))
				.permissionMode(PermissionMode.DEFAULT)
				.env(cliHome.environment(api.cliEnvironment()))
				.build())
				.workingDirectory(workingDirectory)
				.claudePath(System.getenv("CLAUDE_CODE_CLI_PATH"))
				.timeout(TIMEOUT)
				.build();
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class AgentApplication {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

		@Bean
		ClaudeCodeClient claudeCodeClient() {
			return CliClaudeCodeClient.builder().defaultOptions(ClaudeCodeOptions.builder()
				.model("claude-sonnet-4-5")
				.workingDirectory(workingDirectory)
				.allowedTools(List.of("Bash"))
				.environment(cliHome.environment(api.cliEnvironment()))
				.build()).build();
		}

	}

}
