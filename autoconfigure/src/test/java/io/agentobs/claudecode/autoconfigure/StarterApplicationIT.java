package io.agentobs.claudecode.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.scripted.ScriptedAnthropicApi;
import io.agentobs.claudecode.testsupport.BootLine;
import io.agentobs.claudecode.testsupport.BootLineNeutral;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.agentobs.claudecode.testsupport.OtlpTraceReceiver;
import io.agentobs.claudecode.testsupport.OtlpTraceReceiver.ReceivedSpan;
import io.agentobs.claudecode.testsupport.SentryEnvelopeServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.sentry.Sentry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A new user's application on the Spring Boot line under test, with nothing but that line's
 * starter: {@code sentry.dsn}, {@code sentry.traces-sample-rate=1.0} and the line's OTLP traces
 * endpoint property are its whole observability setup. A service bean runs an agent task with
 * the injected {@link ClaudeCodeClient} (the real CLI against the scripted Anthropic API); the
 * run must arrive as one Sentry transaction over HTTP, as OTLP spans over HTTP, and as GenAI
 * meters, with no Sentry version warning on the console. Runs in the {@code compat} modules,
 * one per Boot line, whose only dependency is the line's starter.
 */
@BootLineNeutral
@Timeout(180)
@ExtendWith(OutputCaptureExtension.class)
class StarterApplicationIT {

	private static final List<String> SPAN_NAMES = List.of("invoke_agent claude-code", "chat claude-sonnet-4-5",
			"execute_tool Bash", "chat claude-sonnet-4-5");

	@TempDir
	static Path workingDirectory;

	@Test
	void agentTaskIsTracedInSentryAndOtlpAndMetered(CapturedOutput output) throws Exception {
		try (HermeticCliEnvironment cliHome = HermeticCliEnvironment.create();
				ScriptedAnthropicApi api = ScriptedAnthropicApi.start();
				SentryEnvelopeServer sentry = new SentryEnvelopeServer();
				OtlpTraceReceiver otlp = new OtlpTraceReceiver();
				ConfigurableApplicationContext app = new SpringApplicationBuilder(UserApplication.class)
					.web(WebApplicationType.NONE)
					.properties(Map.of("sentry.dsn", sentry.dsn(), "sentry.traces-sample-rate", "1.0",
							BootLine.current().otlpTracingEndpointProperty(), otlp.endpoint()))
					.properties(clientProperties(api, cliHome))
					.run()) {
			String result = app.getBean(TriageService.class).triage(Scenario.TOOL_CALL.prompt("Run a command."));
			assertThat(result).isNotBlank();

			Sentry.flush(10_000);
			JsonNode transaction = awaitOne(sentry, "transaction");
			assertThat(transaction.at("/contexts/trace/op").asText()).isEqualTo("gen_ai.invoke_agent");
			List<JsonNode> sentrySpans = new ArrayList<>();
			transaction.get("spans").forEach(sentrySpans::add);
			assertThat(sentrySpans).extracting((span) -> span.get("op").asText())
				.containsExactly("gen_ai.chat", "gen_ai.execute_tool", "gen_ai.chat");
			assertThat(sentrySpans).filteredOn((span) -> span.get("op").asText().equals("gen_ai.chat"))
				.allSatisfy((chat) -> assertThat(chat.at("/data/gen_ai.usage.input_tokens").isIntegralNumber())
					.as("integer token data in %s", chat)
					.isTrue());

			List<ReceivedSpan> spans = otlp.awaitSpans((received) -> received.size() >= SPAN_NAMES.size(),
					Duration.ofSeconds(30));
			assertThat(spans).extracting(ReceivedSpan::name).containsExactlyInAnyOrderElementsOf(SPAN_NAMES);
			ReceivedSpan agent = spans.stream().filter((span) -> span.name().startsWith("invoke_agent")).findFirst().get();
			assertThat(agent.parentSpanId()).isEmpty();
			assertThat(spans).filteredOn((span) -> span != agent)
				.allSatisfy((span) -> assertThat(span.parentSpanId()).isEqualTo(agent.spanId()));
			assertThat(spans).filteredOn((span) -> span.name().startsWith("chat ")).allSatisfy((chat) -> {
				assertThat(chat.kind()).isEqualTo(SpanKind.SPAN_KIND_CLIENT);
				assertThat(chat.attribute("gen_ai.usage.input_tokens").getValueCase())
					.isEqualTo(AnyValue.ValueCase.INT_VALUE);
				assertThat(chat.attribute("gen_ai.usage.input_tokens").getIntValue()).isPositive();
			});
			assertThat(transaction.at("/contexts/trace/trace_id").asText()).as("one trace id in Sentry and OTLP")
				.isEqualTo(agent.traceId());
			assertSameTimes(transaction, sentrySpans, spans);

			MeterRegistry meters = app.getBean(MeterRegistry.class);
			assertThat(meters.get("gen_ai.client.token.usage").summaries()).isNotEmpty();
			assertThat(meters.get("gen_ai.client.operation.duration").timers()).isNotEmpty();
		}
		assertThat(output.getAll()).as("Spring Boot %s", SpringBootVersion.getVersion())
			.doesNotContain("Incompatible Spring Boot Version");
	}

	/**
	 * {@code sentry.claude-code.cli-telemetry=true} alone: a session's turns each run in a CLI
	 * process of their own, so the CLI's {@code claude_code.interaction} of each turn arrives
	 * at the same OTLP endpoint under that turn's {@code invoke_agent}.
	 */
	@Test
	void cliTelemetryNestsEachSessionTurnsCliSpansUnderThatTurn() throws Exception {
		try (HermeticCliEnvironment cliHome = HermeticCliEnvironment.create();
				ScriptedAnthropicApi api = ScriptedAnthropicApi.start();
				OtlpTraceReceiver otlp = new OtlpTraceReceiver();
				ConfigurableApplicationContext app = new SpringApplicationBuilder(UserApplication.class)
					.web(WebApplicationType.NONE)
					.properties(Map.of(BootLine.current().otlpTracingEndpointProperty(), otlp.endpoint(),
							"sentry.claude-code.cli-telemetry", "true", "management.tracing.sampling.probability", "1.0"))
					.properties(clientProperties(api, cliHome))
					.run()) {
			app.getBean(TriageService.class)
				.converse(Scenario.PLAIN_ANSWER.prompt("First question"), Scenario.PLAIN_ANSWER.prompt("Follow-up"));
			List<ReceivedSpan> spans = otlp.awaitSpans((received) -> named(received, "invoke_agent claude-code")
				.size() == 2 && named(received, "claude_code.interaction").size() == 2, Duration.ofSeconds(30));
			List<ReceivedSpan> turns = named(spans, "invoke_agent claude-code");
			assertThat(named(spans, "claude_code.interaction"))
				.extracting((interaction) -> interaction.traceId() + "/" + interaction.parentSpanId())
				.containsExactlyInAnyOrderElementsOf(
						turns.stream().map((turn) -> turn.traceId() + "/" + turn.spanId()).toList());
		}
	}

	private static List<ReceivedSpan> named(List<ReceivedSpan> spans, String name) {
		return spans.stream().filter((span) -> span.name().equals(name)).toList();
	}

	/**
	 * Each span's Sentry and OTLP copies start and end within 5 ms of each other (Sentry writes
	 * seconds with microseconds): the transaction and the agent span, then the child spans in
	 * the order they started.
	 */
	private static void assertSameTimes(JsonNode transaction, List<JsonNode> sentrySpans, List<ReceivedSpan> otlp) {
		List<ReceivedSpan> byStart = new ArrayList<>(otlp);
		byStart.sort(Comparator.comparingLong(ReceivedSpan::startEpochNanos));
		List<JsonNode> sentryByStart = new ArrayList<>(sentrySpans);
		sentryByStart.sort(Comparator.comparingLong((JsonNode span) -> micros(span.get("start_timestamp"))));
		sentryByStart.add(0, transaction);
		assertThat(byStart.get(0).name()).startsWith("invoke_agent");
		assertThat(sentryByStart).hasSameSizeAs(byStart);
		for (int i = 0; i < byStart.size(); i++) {
			ReceivedSpan span = byStart.get(i);
			JsonNode copy = sentryByStart.get(i);
			assertThat(micros(copy.get("start_timestamp"))).as("start of %s", span.name())
				.isCloseTo(span.startEpochNanos() / 1000, within(5_000L));
			assertThat(micros(copy.get("timestamp"))).as("end of %s", span.name())
				.isCloseTo(span.endEpochNanos() / 1000, within(5_000L));
		}
	}

	private static long micros(JsonNode seconds) {
		return Math.round(seconds.asDouble() * 1_000_000);
	}

	private static Map<String, Object> clientProperties(ScriptedAnthropicApi api, HermeticCliEnvironment cliHome) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("claude-code.model", "claude-sonnet-4-5");
		properties.put("claude-code.allowed-tools", "Bash");
		properties.put("claude-code.working-directory", workingDirectory.toString());
		cliHome.environment(api.cliEnvironment())
			.forEach((name, value) -> properties.put("claude-code.environment[" + name + "]", value));
		return properties;
	}

	private static JsonNode awaitOne(SentryEnvelopeServer sentry, String type) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (sentry.items(type).isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(sentry.items(type)).hasSize(1);
		return sentry.items(type).get(0);
	}

	/** The user's application: auto-configuration and one service that runs agents. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class UserApplication {

		@Bean
		TriageService triageService(ClaudeCodeClient claude) {
			return new TriageService(claude);
		}

	}

	/** The README's example service. */
	static class TriageService {

		private final ClaudeCodeClient claude;

		TriageService(ClaudeCodeClient claude) {
			this.claude = claude;
		}

		String triage(String ticket) {
			try (ClaudeCodeRun run = this.claude.query(ticket)) {
				return run.awaitResult().result();
			}
		}

		void converse(String... prompts) {
			try (ClaudeCodeSession session = this.claude.openSession()) {
				for (String prompt : prompts) {
					try (ClaudeCodeRun run = session.send(prompt)) {
						run.awaitResult();
					}
				}
			}
		}

	}

}
