package io.agentobs.claudecode.instrument.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.client.message.SystemMessage;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.scripted.ScriptedAnthropicApi;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.agentobs.claudecode.testsupport.OtelTracingFixture;
import io.agentobs.claudecode.testsupport.SpanTree;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end: the real Claude Code CLI against the scripted Anthropic API refuses a tool call
 * (a command that is not read-only) that the options do not allow; the refusal is an event with its reason on the exported tool
 * span.
 */
class RunEventsIT {

	private static ScriptedAnthropicApi api;

	@TempDir
	Path workingDirectory;

	@RegisterExtension
	final HermeticCliEnvironment cliHome = HermeticCliEnvironment.create();

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final OtelTracingFixture tracing = OtelTracingFixture.inMemory(this.exporter);

	private final ObservationTree observations = ObservationTree.of(this.tracing.registry());

	@BeforeAll
	static void startApi() {
		api = ScriptedAnthropicApi.start();
	}

	@AfterAll
	static void stopApi() {
		api.close();
	}

	@AfterEach
	void everyObservationStoppedOnce() {
		assertThat(this.observations.notStoppedExactlyOnce()).isEmpty();
		this.tracing.close();
	}

	@Test
	void toolCallTheOptionsDoNotAllowIsADenialEventOnItsToolSpan() {
		List<ClaudeMessage> messages;
		try (ClaudeCodeRun run = client().query(Scenario.FAILING_TOOL.prompt("Do the task."))) {
			messages = run.stream().toList();
		}

		SystemMessage denied = messages.stream()
			.filter(SystemMessage.class::isInstance)
			.map(SystemMessage.class::cast)
			.filter((system) -> system.permissionDenied().isPresent())
			.findFirst()
			.orElseThrow(() -> new AssertionError("The CLI wrote no system/permission_denied: " + messages));
		SystemMessage.PermissionDenied denial = denied.permissionDenied().get();
		assertThat(denial.toolName()).isEqualTo("Bash");
		ResultMessage result = (ResultMessage) messages.get(messages.size() - 1);
		assertThat(result.denials()).singleElement()
			.satisfies((listed) -> assertThat(listed.toolUseId()).isEqualTo(denial.toolUseId()));

		assertThat(SpanTree.render(this.exporter.getFinishedSpanItems())).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				  chat claude-sonnet-4-5
				""");
		SpanData tool = span("execute_tool Bash");
		assertThat(tool.getEvents()).extracting(EventData::getName)
			.containsExactly("claude_code.permission.denied", "exception");
		assertThat(tool.getEvents().get(0).getEpochNanos()).isBetween(tool.getStartEpochNanos(),
				tool.getEndEpochNanos());
		assertThat(tool.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(tool.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("permission_denied");
		assertThat(tool.getAttributes().get(AttributeKey.stringKey("claude_code.permission.denial.reason")))
			.isEqualTo(denial.reason());
		SpanData agent = span("invoke_agent claude-code");
		assertThat(agent.getAttributes().get(AttributeKey.longKey("claude_code.permission_denials"))).isEqualTo(1L);
		assertThat(span("chat claude-sonnet-4-5").getAttributes().get(AttributeKey.booleanKey("gen_ai.request.stream")))
			.isTrue();
	}

	private ClaudeCodeClient client() {
		Map<String, String> environment = this.cliHome.environment(api.cliEnvironment());
		environment.put("CLAUDE_CODE_MAX_RETRIES", "0");
		ClaudeCodeOptions options = ClaudeCodeOptions.builder()
			.model("claude-sonnet-4-5")
			.workingDirectory(this.workingDirectory)
			.allowedTools(List.of("Read"))
			.environment(environment)
			.runTimeout(Duration.ofSeconds(90))
			.build();
		return ClaudeCodeObservations.observe(CliClaudeCodeClient.builder().defaultOptions(options).build(),
				AgentRunObservations.builder(this.tracing.registry()).build());
	}

	private SpanData span(String name) {
		return this.exporter.getFinishedSpanItems()
			.stream()
			.filter((span) -> span.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No span " + name));
	}

}
