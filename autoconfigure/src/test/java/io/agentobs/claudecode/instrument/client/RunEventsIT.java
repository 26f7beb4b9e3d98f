package io.agentobs.claudecode.instrument.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.client.message.SystemMessage;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.agentobs.claudecode.testsupport.ScriptedCli;
import io.agentobs.claudecode.testsupport.TracedRuns;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
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

	@RegisterExtension
	static final ScriptedCli cli = ScriptedCli.create();

	@TempDir
	Path workingDirectory;

	@RegisterExtension
	final HermeticCliEnvironment cliHome = HermeticCliEnvironment.create();

	@RegisterExtension
	final TracedRuns traced = TracedRuns.create();

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

		assertThat(this.traced.tree()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				  chat claude-sonnet-4-5
				""");
		SpanData tool = this.traced.span("execute_tool Bash");
		assertThat(tool.getEvents()).extracting(EventData::getName)
			.containsExactly("claude_code.permission.denied", "exception");
		assertThat(tool.getEvents().get(0).getEpochNanos()).isBetween(tool.getStartEpochNanos(),
				tool.getEndEpochNanos());
		assertThat(tool.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(tool.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("permission_denied");
		assertThat(tool.getAttributes().get(AttributeKey.stringKey("claude_code.permission.denial.reason")))
			.isEqualTo(denial.reason());
		SpanData agent = this.traced.span("invoke_agent claude-code");
		assertThat(agent.getAttributes().get(AttributeKey.longKey("claude_code.permission_denials"))).isEqualTo(1L);
		assertThat(this.traced.span("chat claude-sonnet-4-5").getAttributes().get(AttributeKey.booleanKey("gen_ai.request.stream")))
			.isTrue();
	}

	private ClaudeCodeClient client() {
		ClaudeCodeOptions options = cli.options(this.cliHome, this.workingDirectory)
			.environmentVariable("CLAUDE_CODE_MAX_RETRIES", "0")
			.allowedTools(List.of("Read"))
			.runTimeout(Duration.ofSeconds(90))
			.build();
		return ClaudeCodeObservations.observe(CliClaudeCodeClient.builder().defaultOptions(options).build(),
				AgentRunObservations.builder(this.traced.registry()).build());
	}


}
