package io.agentobs.claudecode.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.agentobs.claudecode.testsupport.SentryEnvelopeServer;
import io.agentobs.claudecode.testsupport.ZipkinServer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.sentry.Sentry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.AopTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sample app's main job end to end: its {@link AgentTaskRunner} runs a real agent task (a
 * Bash tool call and a subagent) through the real Claude Code CLI against the embedded
 * scripted Anthropic API while the context starts. The run must then be one Sentry
 * transaction on a loopback Sentry receiver, the same tree in a real Zipkin server, GenAI
 * histograms and the cost counter on {@code /actuator/prometheus}, and the trace tree on the
 * console.
 */
@ExtendWith(OutputCaptureExtension.class)
// Tests turn metrics export and tracing off unless asked: run with the app's own setup.
@AutoConfigureTracing
@AutoConfigureMetrics
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "sample.exit-after-run=false",
		// The sample's ZipkinExportEnvironmentPostProcessor runs before @DynamicPropertySource
		// values exist, so it cannot see the endpoint set below: turn the export on here.
		"management.tracing.export.zipkin.enabled=true", "sentry.send-client-reports=false",
		// One agent run only: no slow background task.
		"sample.slow-prompt=" })
class SampleAppIT {

	private static final Pattern TRACE_LINE = Pattern.compile("Trace ([0-9a-f]{32}) \\((\\d+) spans\\)");

	private static final Set<String> GEN_AI_OPS = Set.of("gen_ai.invoke_agent", "gen_ai.chat", "gen_ai.execute_tool");

	private static SentryEnvelopeServer sentry;

	private static ZipkinServer zipkin;

	@Autowired
	private SdkTracerProvider tracerProvider;

	@Autowired
	private CollectingSpanExporter spans;

	@Autowired
	private Environment environment;

	@Autowired
	private ApplicationContext context;

	@BeforeAll
	static void startBackends() throws Exception {
		sentry = new SentryEnvelopeServer();
		zipkin = ZipkinServer.start(ZipkinServer.jar());
	}

	@AfterAll
	static void stopBackends() throws InterruptedException {
		if (zipkin != null) {
			zipkin.close();
		}
		if (sentry != null) {
			sentry.close();
		}
	}

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		registry.add("sentry.dsn", sentry::dsn);
		registry.add("management.tracing.export.zipkin.endpoint", zipkin::spansEndpoint);
	}

	@Test
	void agentTaskIsOneTraceInSentryZipkinPrometheusAndOnTheConsole(CapturedOutput output) throws Exception {
		// The runner ran while the context started; send what the exporters still hold.
		Sentry.flush(10_000);
		assertThat(this.tracerProvider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();

		// Console: the agent's tool output and the printed trace tree.
		assertThat(output.getOut()).contains("tool output: hello-from-tool", "invoke_agent claude-code",
				"execute_tool Bash", "invoke_agent general-purpose");
		Matcher traceLine = TRACE_LINE.matcher(output.getOut());
		assertThat(traceLine.find()).as("a printed trace line in:%n%s", output.getOut()).isTrue();
		String traceId = traceLine.group(1);
		int spanCount = Integer.parseInt(traceLine.group(2));
		List<SpanData> otelSpans = this.spans.spans()
			.stream()
			.filter((span) -> span.getTraceId().equals(traceId))
			.toList();
		assertThat(otelSpans).hasSize(spanCount);

		// Sentry, before any HTTP request of this test starts a transaction of its own.
		JsonNode transaction = onlyTransaction();
		List<JsonNode> sentrySpans = list(transaction.get("spans"));
		assertSentryTransaction(transaction, sentrySpans, spanCount);
		SpanData agentSpan = otelSpans.stream().filter((span) -> !span.getParentSpanContext().isValid()).findFirst().get();
		assertThat(transaction.at("/contexts/trace/trace_id").asText()).as("one trace id in Sentry and OpenTelemetry")
			.isEqualTo(traceId);
		assertThat(transaction.at("/contexts/trace/span_id").asText()).isEqualTo(agentSpan.getSpanId());

		// Zipkin: the same spans, ids and parents as the OpenTelemetry SDK exported.
		JsonNode zipkinTrace = zipkin.awaitTrace(traceId, spanCount);
		assertThat(zipkinTrace).hasSize(spanCount);
		assertThat(list(zipkinTrace)).extracting((span) -> span.get("id").asText() + " "
				+ span.path("parentId").asText("-") + " " + span.get("name").asText())
			.containsExactlyInAnyOrderElementsOf(otelSpans.stream()
				.map((span) -> span.getSpanId() + " "
						+ (span.getParentSpanContext().isValid() ? span.getParentSpanId() : "-") + " "
						+ span.getName().toLowerCase())
				.toList());
		// ... and the same tree as the Sentry transaction (Zipkin lower-cases span names).
		assertThat(zipkinTree(zipkinTrace)).isEqualTo(sentryTree(transaction, sentrySpans));
		assertThat(zipkinTree(zipkinTrace)).containsEntry("invoke_agent general-purpose <- execute_tool agent", 1L)
			.containsEntry("execute_tool bash <- invoke_agent general-purpose", 1L)
			.containsEntry("execute_tool bash <- invoke_agent claude-code", 1L)
			.containsEntry("invoke_agent claude-code <- -", 1L);

		// Prometheus: the GenAI histograms and the cost counter.
		HttpResponse<String> prometheus = get("/actuator/prometheus");
		assertThat(prometheus.statusCode()).isEqualTo(200);
		List<String> lines = prometheus.body().lines().filter((line) -> !line.startsWith("#")).toList();
		assertThat(lines).as("Prometheus names without the {token} unit annotation")
			.anyMatch((line) -> line.startsWith("gen_ai_client_token_usage_bucket{"))
			.noneMatch((line) -> line.contains("__token_"));
		String inputTokens = "gen_ai_client_token_usage\\w*_%s\\{.*gen_ai_token_type=\"input\".*";
		String outputTokens = "gen_ai_client_token_usage\\w*_%s\\{.*gen_ai_token_type=\"output\".*";
		String chatDuration = "gen_ai_client_operation_duration\\w*_%s\\{.*gen_ai_operation_name=\"chat\".*";
		String cost = "claude_code_cost\\w*_total\\{.*gen_ai_agent_name=\"claude-code\".*";
		assertThat(lines).anyMatch((line) -> line.matches(inputTokens.formatted("bucket")))
			.anyMatch((line) -> line.matches(outputTokens.formatted("bucket")))
			.anyMatch((line) -> line.matches(chatDuration.formatted("bucket")))
			.anyMatch((line) -> line.matches(cost));
		// ... and they count what the spans carry.
		List<JsonNode> chats = sentrySpans.stream()
			.filter((span) -> span.get("op").asText().equals("gen_ai.chat"))
			.toList();
		assertThat(total(lines, inputTokens.formatted("sum"))).isEqualTo(sum(chats, "gen_ai.usage.input_tokens"));
		assertThat(total(lines, outputTokens.formatted("sum"))).isEqualTo(sum(chats, "gen_ai.usage.output_tokens"));
		assertThat(total(lines, chatDuration.formatted("count"))).isEqualTo(chats.size());
		assertThat(total(lines, cost)).isCloseTo(transaction.at("/contexts/trace/data/gen_ai.cost.total_tokens").asDouble(),
				within(1e-12));
		// Every observation lies in the buckets at and above the largest one (_max).
		assertBucketsHoldEveryObservation(lines, "gen_ai_client_token_usage");
		assertBucketsHoldEveryObservation(lines, "gen_ai_client_operation_duration");
		assertThat(lines)
			.anyMatch((line) -> line.matches("claude_code_runs_active\\{.*gen_ai_agent_name=\"claude-code\".*} 0\\.0"));

		// The agentruns endpoint: the finished run, with the trace id printed above.
		HttpResponse<String> agentRunsResponse = get("/actuator/agentruns");
		assertThat(agentRunsResponse.statusCode()).isEqualTo(200);
		JsonNode agentRuns = new ObjectMapper().readTree(agentRunsResponse.body());
		assertThat(agentRuns.get("running")).isEmpty();
		JsonNode run = agentRuns.get("recent").get(0);
		assertThat(run.get("traceId").asText()).isEqualTo(traceId);
		assertThat(run.get("spanId").asText()).isEqualTo(agentSpan.getSpanId());
		assertThat(run.get("outcome").asText()).isEqualTo("success");
		assertThat(run.get("subagents").asInt()).isEqualTo(1);
		assertThat(run.get("prompt").asText()).as("recorded prompts are not shown by default").isEqualTo("******");
	}

	@Test
	void agentTaskCliRunsInItsOwnHome() {
		CliClaudeCodeClient client = AopTestUtils.getUltimateTargetObject(this.context.getBean(ClaudeCodeClient.class));
		HermeticCliEnvironment cliHome = this.context.getBean(HermeticCliPostProcessor.class).cliHome;
		assertThat(client.getDefaultOptions().getEnvironment()).containsAllEntriesOf(cliHome.variables());
	}

	@Test
	void webAppKeepsJackson3ForItsOwnJson() {
		// The client parses the CLI's JSON with a private Jackson 2 mapper: the web app's JSON stays Jackson 3.
		assertThat(this.context.getBeanNamesForType(tools.jackson.databind.json.JsonMapper.class)).isNotEmpty();
		assertThat(this.context.getBeanNamesForType(com.fasterxml.jackson.databind.ObjectMapper.class)).isEmpty();
	}

	private HttpResponse<String> get(String path) throws Exception {
		URI uri = URI.create("http://127.0.0.1:" + this.environment.getProperty("local.server.port") + path);
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * For each series of the histogram: the cumulative count of every bucket whose bound is
	 * at least the series' {@code _max} equals its {@code _count}.
	 */
	private static void assertBucketsHoldEveryObservation(List<String> samples, String histogram) {
		Pattern sample = Pattern.compile(histogram + "\\w*_(bucket|count|max)\\{(.*?)(?:,?le=\"([^\"]+)\")?} (\\S+)");
		Map<String, Double> counts = new HashMap<>();
		Map<String, Double> maxima = new HashMap<>();
		Map<String, Map<Double, Double>> buckets = new HashMap<>();
		for (String line : samples) {
			Matcher matcher = sample.matcher(line);
			if (matcher.matches()) {
				String series = matcher.group(2);
				double value = Double.parseDouble(matcher.group(4));
				switch (matcher.group(1)) {
					case "count" -> counts.put(series, value);
					case "max" -> maxima.put(series, value);
					default -> buckets.computeIfAbsent(series, (key) -> new HashMap<>())
						.put(Double.parseDouble(matcher.group(3).replace("+Inf", "Infinity")), value);
				}
			}
		}
		assertThat(buckets).as(histogram).isNotEmpty();
		buckets.forEach((series, bounds) -> bounds.forEach((bound, count) -> {
			if (bound >= maxima.get(series)) {
				assertThat(count)
					.as("%s{%s} bucket le=%s: observations up to _max=%s, _count=%s", histogram, series, bound,
							maxima.get(series), counts.get(series))
					.isEqualTo(counts.get(series));
			}
		}));
	}

	private static void assertSentryTransaction(JsonNode transaction, List<JsonNode> spans, int spanCount) {
		JsonNode trace = transaction.at("/contexts/trace");
		assertThat(transaction.get("transaction").asText()).isEqualTo("invoke_agent claude-code");
		assertThat(trace.get("op").asText()).isEqualTo("gen_ai.invoke_agent");
		assertThat(trace.get("status").asText()).isEqualTo("ok");
		JsonNode cost = trace.at("/data/gen_ai.cost.total_tokens");
		assertThat(cost.isNumber()).as("gen_ai.cost.total_tokens is a JSON number: %s", cost).isTrue();
		assertThat(cost.isIntegralNumber()).as("gen_ai.cost.total_tokens is a double: %s", cost).isFalse();
		assertThat(cost.asDouble()).isPositive();
		for (String key : List.of("claude_code.usage.input_tokens", "claude_code.usage.output_tokens",
				"claude_code.num_turns")) {
			JsonNode value = trace.at("/data/" + key);
			assertThat(value.isIntegralNumber()).as("%s is a JSON integer: %s", key, value).isTrue();
			assertThat(value.asLong()).as(key).isPositive();
		}

		assertThat(spans).as("all spans but the transaction's own").hasSize(spanCount - 1);
		assertThat(spans).extracting((span) -> span.get("op").asText())
			.containsOnlyElementsOf(GEN_AI_OPS)
			.contains("gen_ai.invoke_agent", "gen_ai.chat", "gen_ai.execute_tool");
		assertThat(spans).allSatisfy((span) -> {
			assertThat(span.get("trace_id").asText()).isEqualTo(trace.get("trace_id").asText());
			assertThat(span.get("status").asText()).isEqualTo("ok");
		});
		List<JsonNode> chats = spans.stream().filter((span) -> span.get("op").asText().equals("gen_ai.chat")).toList();
		assertThat(chats).hasSize(4).allSatisfy((chat) -> {
			JsonNode input = chat.at("/data/gen_ai.usage.input_tokens");
			assertThat(input.isIntegralNumber()).as("input tokens are a JSON integer: %s", input).isTrue();
			assertThat(input.asLong()).isPositive();
		});
		List<JsonNode> outputTokens = chats.stream()
			.map((chat) -> chat.at("/data/gen_ai.usage.output_tokens"))
			.filter((value) -> !value.isMissingNode())
			.toList();
		assertThat(outputTokens).isNotEmpty()
			.allSatisfy((value) -> assertThat(value.isIntegralNumber()).as("output tokens: %s", value).isTrue());
		JsonNode bash = spans.stream()
			.filter((span) -> span.get("description").asText().equals("execute_tool Bash"))
			.findFirst()
			.orElseThrow();
		assertThat(bash.at("/data/gen_ai.tool.name").asText()).isEqualTo("Bash");
	}

	private static JsonNode onlyTransaction() {
		List<JsonNode> transactions = sentry.items("transaction");
		assertThat(transactions).as("Sentry transactions").hasSize(1);
		return transactions.get(0);
	}

	/**
	 * The tree as counts of "name &lt;- parent name" edges, from Zipkin's spans.
	 */
	private static Map<String, Long> zipkinTree(JsonNode trace) {
		Map<String, String> names = new HashMap<>();
		trace.forEach((span) -> names.put(span.get("id").asText(), span.get("name").asText()));
		return list(trace).stream()
			.collect(Collectors.groupingBy((span) -> span.get("name").asText() + " <- "
					+ (span.has("parentId") ? names.get(span.get("parentId").asText()) : "-"),
					Collectors.counting()));
	}

	/**
	 * The tree as counts of "name &lt;- parent name" edges, from a Sentry transaction.
	 */
	private static Map<String, Long> sentryTree(JsonNode transaction, List<JsonNode> spans) {
		JsonNode trace = transaction.at("/contexts/trace");
		Map<String, String> names = new HashMap<>();
		names.put(trace.get("span_id").asText(), transaction.get("transaction").asText());
		spans.forEach((span) -> names.put(span.get("span_id").asText(), span.get("description").asText()));
		Map<String, Long> tree = spans.stream()
			.collect(Collectors.groupingBy((span) -> span.get("description").asText().toLowerCase() + " <- "
					+ names.get(span.get("parent_span_id").asText()).toLowerCase(), Collectors.counting()));
		tree.put(transaction.get("transaction").asText().toLowerCase() + " <- -", 1L);
		return tree;
	}

	private static List<JsonNode> list(JsonNode array) {
		List<JsonNode> list = new ArrayList<>();
		array.forEach(list::add);
		return list;
	}

	private static double total(List<String> samples, String regex) {
		return samples.stream().filter((line) -> line.matches(regex)).mapToDouble(SampleAppIT::value).sum();
	}

	private static double sum(List<JsonNode> spans, String key) {
		return spans.stream().mapToLong((span) -> span.at("/data/" + key).asLong()).sum();
	}

	private static double value(String sample) {
		return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
	}

	/**
	 * The app's CLI gets its own HOME and CLI configuration directory, deleted with the
	 * context: the machine's shell profile cannot slow or break the Bash tool of the agent
	 * task.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class HermeticCliConfiguration {

		@Bean
		static HermeticCliPostProcessor hermeticCliPostProcessor() {
			return new HermeticCliPostProcessor();
		}

	}

	/**
	 * Gives the app's {@link CliClaudeCodeClient} the variables of a
	 * {@link HermeticCliEnvironment}, before the client is instrumented.
	 */
	static class HermeticCliPostProcessor implements BeanPostProcessor, DisposableBean {

		private final HermeticCliEnvironment cliHome = HermeticCliEnvironment.create();

		@Override
		public Object postProcessBeforeInitialization(Object bean, String beanName) {
			if (bean instanceof CliClaudeCodeClient client) {
				ClaudeCodeOptions options = client.getDefaultOptions();
				return CliClaudeCodeClient.builder()
					.defaultOptions(
							options.toBuilder().environment(this.cliHome.environment(options.getEnvironment())).build())
					.streamJsonLimits(client.getStreamJsonLimits())
					.build();
			}
			return bean;
		}

		@Override
		public void destroy() {
			this.cliHome.close();
		}

	}

}
