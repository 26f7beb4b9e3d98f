package io.agentobs.claudecode.instrument.client;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.content.ClaudeCodeInputContentObservationFilter;
import io.agentobs.claudecode.content.ClaudeCodeOutputContentObservationFilter;
import io.agentobs.claudecode.content.SecretEnvironment;
import io.agentobs.claudecode.content.SecretMask;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.scripted.ScriptedAnthropicApi;
import io.agentobs.claudecode.sentry.SentryAgentObservationHandler;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.agentobs.claudecode.testsupport.OtelTracingFixture;
import io.agentobs.claudecode.testsupport.ScriptedCli;
import io.agentobs.claudecode.testsupport.SentryEnvelopeServer;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.sentry.ScopesAdapter;
import io.sentry.Sentry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end: a real CLI whose Bash tool prints its environment, with inputs and outputs
 * recorded; no credential the client gives the CLI reaches an OpenTelemetry span or a Sentry
 * envelope.
 */
class RecordedSecretsIT {

	private static final String MARKED_SECRET = "MY_SERVICE_CREDENTIAL";

	private final String apiKey = "sk-ant-api03-" + UUID.randomUUID();

	private final String awsSecret = "aws-" + UUID.randomUUID();

	private final String markedSecret = "marked-" + UUID.randomUUID();

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final OtelTracingFixture tracing = OtelTracingFixture.inMemory(this.exporter);

	private ScriptedAnthropicApi api;

	private SentryEnvelopeServer sentry;

	@TempDir
	Path workingDirectory;

	@RegisterExtension
	final HermeticCliEnvironment cliHome = HermeticCliEnvironment.create();

	@BeforeEach
	void start() throws IOException {
		this.api = ScriptedAnthropicApi.start();
		this.sentry = new SentryEnvelopeServer();
		this.sentry.initSentry();
		ObservationRegistry registry = this.tracing.registry();
		SecretMask processSecrets = new SecretEnvironment(List.of(MARKED_SECRET)).mask(Map.of());
		registry.observationConfig()
			.observationFilter(new ClaudeCodeInputContentObservationFilter(20_000, processSecrets))
			.observationFilter(new ClaudeCodeOutputContentObservationFilter(20_000, processSecrets))
			.observationHandler(new SentryAgentObservationHandler(ScopesAdapter.getInstance()));
	}

	@AfterEach
	void stop() {
		Sentry.close();
		this.sentry.close();
		this.api.close();
		this.tracing.close();
	}

	@Test
	void noCredentialOfTheCliEnvironmentIsRecordedWhenAToolPrintsIt() {
		ClaudeCodeOptions perQuery = ClaudeCodeOptions.builder()
			.environmentVariable("AWS_SECRET_ACCESS_KEY", this.awsSecret)
			.environmentVariable(MARKED_SECRET, this.markedSecret)
			.build();
		try (ClaudeCodeRun run = client().query(
				Scenario.PRINT_ENVIRONMENT.prompt("Print the environment; the key is " + this.awsSecret + "."), perQuery)) {
			assertThat(run.awaitResult().isError()).isFalse();
		}
		Sentry.flush(5000);

		SpanData tool = this.exporter.getFinishedSpanItems()
			.stream()
			.filter((span) -> span.getName().equals("execute_tool Bash"))
			.findFirst()
			.orElseThrow();
		String result = tool.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.call.result"));
		assertThat(result).contains("ANTHROPIC_API_KEY=" + SecretMask.MASK, "AWS_SECRET_ACCESS_KEY=" + SecretMask.MASK,
				MARKED_SECRET + "=" + SecretMask.MASK, "ANTHROPIC_BASE_URL=" + this.api.baseUrl());
		SpanData agent = this.exporter.getFinishedSpanItems()
			.stream()
			.filter((span) -> span.getName().equals("invoke_agent claude-code"))
			.findFirst()
			.orElseThrow();
		assertThat(agent.getAttributes().get(AttributeKey.stringKey("gen_ai.input.messages")))
			.contains("the key is " + SecretMask.MASK);
		for (SpanData span : this.exporter.getFinishedSpanItems()) {
			span.getAttributes().forEach((key, value) -> assertThat(String.valueOf(value))
				.as("%s of %s", key, span.getName())
				.doesNotContain(this.apiKey, this.awsSecret, this.markedSecret));
		}
		List<JsonNode> transactions = this.sentry.items("transaction");
		assertThat(transactions).hasSize(1);
		assertThat(transactions.get(0).toString()).contains(MARKED_SECRET + "=" + SecretMask.MASK);
		for (String type : List.of("transaction", "event")) {
			assertThat(this.sentry.items(type)).allSatisfy((item) -> assertThat(item.toString())
				.doesNotContain(this.apiKey, this.awsSecret, this.markedSecret));
		}
	}

	private ClaudeCodeClient client() {
		ClaudeCodeOptions defaults = ScriptedCli.options(this.api, this.cliHome, this.workingDirectory)
			.environmentVariable("ANTHROPIC_API_KEY", this.apiKey)
			.environmentVariable("CLAUDE_CODE_MAX_RETRIES", "0")
			.allowedTools(List.of("Bash"))
			.runTimeout(Duration.ofSeconds(90))
			.build();
		AgentRunObservations observations = AgentRunObservations.builder(this.tracing.registry()).secretEnvironment(new SecretEnvironment(List.of(MARKED_SECRET))).build();
		return ClaudeCodeObservations.observe(CliClaudeCodeClient.builder().defaultOptions(defaults).build(), observations);
	}

}
