package io.agentobs.claudecode.tools;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.scripted.RecordedCall;
import io.agentobs.claudecode.scripted.RecordedCall.ToolResult;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.scripted.ScriptedAnthropicApi;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java tools end to end: a Spring application with the starter and a bean with Spring AI
 * {@code @Tool} methods, the real CLI against the scripted API ({@link Scenario#JAVA_TOOLS}).
 * The model is offered the tools, their calls reach the methods in the caller's context, the
 * results (and the failure) reach the model, and the trace shows each call as its
 * {@code execute_tool} span with the method's own span nested under it.
 */
@Timeout(180)
class JavaToolsIT {

	@TempDir
	static Path workingDirectory;

	@Test
	void toolMethodsAreCalledInTheCallersContextAndTraced() throws Exception {
		try (HermeticCliEnvironment cliHome = HermeticCliEnvironment.create();
				ScriptedAnthropicApi api = ScriptedAnthropicApi.start(Scenario.JAVA_TOOLS);
				ConfigurableApplicationContext app = new SpringApplicationBuilder(OrderApplication.class)
					.web(WebApplicationType.NONE)
					.properties(properties(api, cliHome))
					.run()) {
			String result = app.getBean(OrderDesk.class).handle("Look order A-7 up, then cancel it.");
			assertThat(result).isEqualTo("Done: hello-from-tool.");

			List<RecordedCall> agentCalls = api.calls().stream().filter((call) -> !call.offeredTools().isEmpty()).toList();
			assertThat(agentCalls).extracting(RecordedCall::step).containsExactly(0, 1, 2);
			assertThat(agentCalls.get(0).offeredTools()).contains("mcp__app__lookupOrder", "mcp__app__cancelOrder");
			// The CLI may append a <system-reminder> of its own after the tool's text
			assertThat(agentCalls.get(1).toolResults()).singleElement().satisfies((success) -> {
				assertThat(success.toolUseId()).isEqualTo(agentCalls.get(0).toolUseIds().get(0));
				assertThat(success.isError()).isFalse();
				assertThat(firstLine(success)).isEqualTo("\"order A-7: shipped\"");
			});
			assertThat(agentCalls.get(2).toolResults()).singleElement().satisfies((failure) -> {
				assertThat(failure.toolUseId()).isEqualTo(agentCalls.get(1).toolUseIds().get(0));
				assertThat(failure.isError()).isTrue();
				assertThat(firstLine(failure))
					.isEqualTo("Tool cancelOrder failed: IllegalStateException: order A-7 has shipped");
			});

			List<SpanData> spans = awaitSpans(app.getBean(InMemorySpanExporter.class), "order.request");
			SpanData request = span(spans, "order.request");
			SpanData agent = span(spans, "invoke_agent claude-code");
			SpanData lookup = span(spans, "execute_tool mcp__app__lookupOrder");
			SpanData cancel = span(spans, "execute_tool mcp__app__cancelOrder");
			SpanData inner = span(spans, "order.lookup");
			assertThat(agent.getParentSpanId()).isEqualTo(request.getSpanId());
			assertThat(lookup.getParentSpanId()).isEqualTo(agent.getSpanId());
			assertThat(cancel.getParentSpanId()).isEqualTo(agent.getSpanId());
			assertThat(inner.getParentSpanId()).isEqualTo(lookup.getSpanId());
			assertThat(lookup.getAttributes().get(stringKey("gen_ai.tool.call.id")))
				.isEqualTo(agentCalls.get(0).toolUseIds().get(0));
			assertThat(lookup.getStatus().getStatusCode()).isEqualTo(StatusCode.OK);
			assertThat(lookup.getAttributes().get(stringKey("error.type"))).isNull();
			assertThat(cancel.getAttributes().get(stringKey("gen_ai.tool.call.id")))
				.isEqualTo(agentCalls.get(1).toolUseIds().get(0));
			assertThat(cancel.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
			assertThat(cancel.getAttributes().get(stringKey("error.type"))).isEqualTo("IllegalStateException");
			// Timed by the Java call: not from the tool_use, which streams while its chat is open
			List<SpanData> chats = spans.stream()
				.filter((span) -> span.getName().startsWith("chat "))
				.sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
				.toList();
			assertThat(chats).hasSize(3);
			assertThat(lookup.getStartEpochNanos()).isGreaterThanOrEqualTo(chats.get(0).getEndEpochNanos());
			assertThat(cancel.getStartEpochNanos()).isGreaterThanOrEqualTo(chats.get(1).getEndEpochNanos());
			assertThat(inner.getStartEpochNanos()).isGreaterThanOrEqualTo(lookup.getStartEpochNanos());
			assertThat(inner.getEndEpochNanos()).isLessThanOrEqualTo(lookup.getEndEpochNanos());

			OrderTools tools = app.getBean(OrderTools.class);
			assertThat(tools.seen).containsExactly(
					"lookupOrder A-7 requestId=req-42 user=alice trace=" + request.getTraceId(),
					"cancelOrder A-7 requestId=req-42 user=alice trace=" + request.getTraceId());
		}
	}

	private static String firstLine(ToolResult result) {
		return result.content().lines().findFirst().orElse("");
	}

	private static List<SpanData> awaitSpans(InMemorySpanExporter exporter, String last)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			List<SpanData> spans = exporter.getFinishedSpanItems();
			if (spans.stream().anyMatch((span) -> span.getName().equals(last))) {
				return spans;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("No span " + last + " within 30s: " + exporter.getFinishedSpanItems());
	}

	private static SpanData span(List<SpanData> spans, String name) {
		List<SpanData> named = spans.stream().filter((span) -> span.getName().equals(name)).toList();
		assertThat(named).as("spans named %s in %s", name, spans.stream().map(SpanData::getName).toList())
			.hasSize(1);
		return named.get(0);
	}

	private static Map<String, Object> properties(ScriptedAnthropicApi api, HermeticCliEnvironment cliHome) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.main.banner-mode", "off");
		properties.put("management.tracing.sampling.probability", "1.0");
		// Zipkin's exporter is on the test class path: export nowhere (Boot 3.5 and 4 names)
		properties.put("management.zipkin.tracing.export.enabled", "false");
		properties.put("management.tracing.export.zipkin.enabled", "false");
		properties.put("claude-code.model", "claude-sonnet-4-5");
		properties.put("claude-code.tools.allow-without-prompt", "true");
		properties.put("claude-code.working-directory", workingDirectory.toString());
		cliHome.environment(api.cliEnvironment())
			.forEach((name, value) -> properties.put("claude-code.environment[" + name + "]", value));
		return properties;
	}

	/** The application: the starter's auto-configuration, a service that runs agents, tools. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class OrderApplication {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

		@Bean
		OrderDesk orderDesk(ClaudeCodeClient claude, ObservationRegistry registry) {
			return new OrderDesk(claude, registry);
		}

		@Bean
		OrderTools orderTools(ObservationRegistry registry, Tracer tracer) {
			return new OrderTools(registry, tracer);
		}

	}

	/** Handles a request: its own span, MDC and user, and an agent run inside. */
	static class OrderDesk {

		private final ClaudeCodeClient claude;

		private final ObservationRegistry registry;

		OrderDesk(ClaudeCodeClient claude, ObservationRegistry registry) {
			this.claude = claude;
			this.registry = registry;
		}

		String handle(String task) {
			MDC.put("requestId", "req-42");
			SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("alice", "secret"));
			try {
				return Observation.createNotStarted("order.request", this.registry).observe(() -> {
					try (ClaudeCodeRun run = this.claude.query(Scenario.JAVA_TOOLS.prompt(task))) {
						return run.awaitResult().result();
					}
				});
			}
			finally {
				MDC.clear();
				SecurityContextHolder.clearContext();
			}
		}

	}

	/** The tools: what each call saw of its caller's context. */
	static class OrderTools {

		final List<String> seen = Collections.synchronizedList(new ArrayList<>());

		private final ObservationRegistry registry;

		private final Tracer tracer;

		OrderTools(ObservationRegistry registry, Tracer tracer) {
			this.registry = registry;
			this.tracer = tracer;
		}

		@Tool(description = "Looks an order up by its id")
		String lookupOrder(String orderId) {
			see("lookupOrder", orderId);
			return Observation.createNotStarted("order.lookup", this.registry)
				.observe(() -> "order " + orderId + ": shipped");
		}

		@Tool(description = "Cancels an order")
		String cancelOrder(String orderId) {
			see("cancelOrder", orderId);
			throw new IllegalStateException("order " + orderId + " has shipped");
		}

		private void see(String tool, String orderId) {
			var authentication = SecurityContextHolder.getContext().getAuthentication();
			var span = this.tracer.currentSpan();
			this.seen.add(tool + " " + orderId + " requestId=" + MDC.get("requestId") + " user="
					+ ((authentication != null) ? authentication.getName() : null) + " trace="
					+ ((span != null) ? span.context().traceId() : null));
		}

	}

}
